/**
 * WebKit for Vitest's browser mode without downloading anything: Debian's WebKitGTK MiniBrowser,
 * driven by its own WebDriver server (`WebKitWebDriver`, package webkit2gtk-driver) through
 * Vitest's WebdriverIO provider. MiniBrowser has no headless mode, so it gets a virtual X
 * display (Xvfb) of its own, without a window manager (which would size the window to the screen),
 * and its window is given the keyboard focus with xdotool (without it, no element ever matches
 * `:focus-visible`). All are started with the provider and stopped with it.
 */
import { webdriverio, WebdriverBrowserProvider, type WebdriverProviderOptions } from '@vitest/browser-webdriverio';
import { defineBrowserProvider } from '@vitest/browser';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { findWebKit } from './browsers.mjs';

/** A free loopback port, for the WebDriver server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers, or rejects after `timeoutMs`. */
async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface WebKitOptions {
  /** The page's language (MiniBrowser follows the process's `LANG`). */
  readonly locale: string;
  /** The browser's time zone (an IANA name, as `TZ`). */
  readonly timezoneId: string;
}

/** The processes a WebKit test run needs: a display with a window manager, and the WebDriver server. */
class WebKitServers {
  readonly #children: ChildProcess[] = [];
  #display = '';

  /** Gives MiniBrowser's window the keyboard focus, as a person's click on it would. */
  focusWindow(): void {
    execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--class', 'MiniBrowser', 'windowfocus', '%@'], {
      env: { ...process.env, DISPLAY: this.#display },
      timeout: 10_000,
    });
  }

  async start(options: WebKitOptions): Promise<{ port: number; miniBrowser: string }> {
    const webkit = findWebKit();
    if (!webkit) {
      throw new Error('WebKit tests need WebKitGTK: `sudo apt-get install webkit2gtk-driver xvfb xdotool` (Debian/Ubuntu).');
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TZ: options.timezoneId,
      LANG: `${options.locale.replace('-', '_')}.UTF-8`,
      LANGUAGE: options.locale.replace('-', '_'),
    };
    delete env.LC_ALL;
    // A display of our own, unlikely to be taken (Xvfb fails fast if it is, and says so).
    const display = `:${90 + (process.pid % 9)}`;
    this.#spawn('Xvfb', [display, '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'], env);
    env.DISPLAY = display;
    this.#display = display;
    const port = await freePort();
    this.#spawn(webkit.driver, [`--port=${port}`, '--host=127.0.0.1'], env);
    await waitForServer(`http://127.0.0.1:${port}/status`, 10_000);
    return { port, miniBrowser: webkit.miniBrowser };
  }

  #spawn(command: string, args: string[], env: NodeJS.ProcessEnv): void {
    const child = spawn(command, args, { env, stdio: 'ignore' });
    child.on('error', (error) => console.error(`${command}: ${error.message}`));
    this.#children.push(child);
  }

  stop(): void {
    for (const child of this.#children.reverse()) child.kill();
    this.#children.length = 0;
  }
}

/**
 * What the WebdriverIO provider's types keep private and a provider for another WebDriver server
 * sets: where the server is, and the capabilities it is asked for.
 */
interface WebdriverInternals {
  options: WebdriverProviderOptions;
  browserName: string;
}
const internals = (provider: WebdriverBrowserProvider) => provider as unknown as WebdriverInternals;

/** The WebdriverIO provider, pointed at WebKitGTK's MiniBrowser through the servers it starts. */
class WebKitProvider extends WebdriverBrowserProvider {
  readonly #servers = new WebKitServers();
  readonly #webkitOptions: WebKitOptions;

  constructor(project: ConstructorParameters<typeof WebdriverBrowserProvider>[0], options: WebKitOptions) {
    super(project, {});
    this.#webkitOptions = options;
    // WebKitWebDriver refuses a pointer action on an element outside the window ("move target
    // out of bounds") where other drivers scroll to it first: the pointer commands scroll first.
    type PointerCommand = (context: { browser: WebdriverIO.Browser }, selector: string, ...rest: unknown[]) => unknown;
    // (The registry as it is at run time: its type knows only Vitest's own command names.)
    const browser = project.browser as unknown as { commands: Record<string, PointerCommand>; registerCommand(name: string, command: PointerCommand): void };
    for (const name of ['__vitest_click', '__vitest_dblClick', '__vitest_tripleClick', '__vitest_hover']) {
      const command = browser.commands[name]!;
      browser.registerCommand(name, async (context: { browser: WebdriverIO.Browser }, selector: string, ...rest: unknown[]) => {
        await context.browser.$(selector).scrollIntoView({ block: 'center' });
        return command(context, selector, ...rest);
      });
    }
  }

  override async openBrowser(): ReturnType<WebdriverBrowserProvider['openBrowser']> {
    if (this.browser) return this.browser;
    const { port, miniBrowser } = await this.#servers.start(this.#webkitOptions);
    const self = internals(this);
    // WebKitGTK's WebDriver server answers for MiniBrowser, in classic WebDriver only (a session
    // asking for BiDi is refused); the automation flag makes MiniBrowser accept the session.
    self.browserName = 'MiniBrowser';
    self.options = {
      ...self.options,
      hostname: '127.0.0.1',
      port,
      path: '/',
      capabilities: {
        'wdio:enforceWebDriverClassic': true,
        // No smooth scrolling: Safari reveals a focused field at once, and a test looks right after.
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation', '--enable-smooth-scrolling=false'] },
      } as WebdriverIO.Capabilities,
    };
    const browser = await super.openBrowser();
    this.#servers.focusWindow();
    return browser;
  }

  /**
   * The viewport is the test frame's size, and the window is made to fit around it: WebKit and
   * its WebDriver server judge what is on screen by the window, so a window larger than the frame
   * would leave focused and clicked elements below the frame's edge without scrolling to them.
   * (MiniBrowser's window is at least 447 px wide: a narrower frame leaves room beside it.)
   */
  override async setViewport(viewport: { width: number; height: number }): Promise<void> {
    const browser = this.browser;
    if (!browser) throw new Error('The browser has no open pages.');
    const switched = this.isIframeSwitched();
    if (switched) await this.switchToMainFrame();
    const chrome = await browser.execute(
      (width: number, height: number) => {
        const holder = document.querySelector('iframe[data-vitest]')?.parentElement;
        if (holder) holder.style.cssText = `width: ${width}px; height: ${height}px;`;
        const box = holder?.getBoundingClientRect();
        // What the window needs around the frame: its own bars, and the frame's offset in the page.
        return {
          width: window.outerWidth - window.innerWidth + (box?.left ?? 0),
          height: window.outerHeight - window.innerHeight + (box?.top ?? 0),
        };
      },
      viewport.width,
      viewport.height,
    );
    await browser.setWindowSize(viewport.width + chrome.width, viewport.height + chrome.height);
    if (switched) await this.switchToTestFrame();
  }

  override async close(): Promise<void> {
    try {
      await super.close();
    } finally {
      this.#servers.stop();
    }
  }
}

/** Vitest's browser provider for WebKit (WebKitGTK), e.g. `instances: [{ browser: 'webkit' }]`. */
export function webkit(options: WebKitOptions) {
  return defineBrowserProvider({
    // The client side speaks WebdriverIO's dialect (its selectors through shadow roots, its keys).
    name: webdriverio().name,
    supportedBrowser: ['webkit'],
    options,
    providerFactory: (project) => new WebKitProvider(project, options),
  });
}
