/**
 * Firefox for Vitest's browser mode without downloading anything: Debian's Firefox ESR, driven
 * over WebDriver BiDi (which Firefox speaks itself; Debian packages no geckodriver) through
 * puppeteer-core. A small provider: it opens the tester page, and carries out the user-event
 * commands the tests use (keyboard, click, double click, select options) as real input,
 * through shadow roots. The page's language and time zone are fixed like Chromium's.
 */
import { defineBrowserProvider, parseKeyDef } from '@vitest/browser';
import puppeteer, { type Browser, type ElementHandle, type Frame, type KeyInput, type Page } from 'puppeteer-core';
import type { BrowserCommand, BrowserProvider, TestProject } from 'vitest/node';
import { fileURLToPath } from 'node:url';
import { findFirefox } from './browsers.mjs';

export interface FirefoxOptions {
  /** The page's language (`navigator.language`, `Accept-Language`). */
  readonly locale: string;
  /** The browser's time zone (an IANA name). */
  readonly timezoneId: string;
}

/** What the commands below get: the page of their test session. */
type FirefoxCommandContext = {
  readonly page: Page;
  readonly frame: () => Promise<Frame>;
};
type Command<A extends unknown[]> = (context: FirefoxCommandContext, ...args: A) => Promise<unknown>;

/**
 * The element a CSS path from Vitest's client names. Vitest writes a path through shadow roots
 * as one chain of `>` steps (`div > my-el > button`): each step is looked up in the current
 * root, and in an element's shadow root when it has one and the step is not in its light DOM.
 */
async function resolve(frame: Frame, selector: string): Promise<ElementHandle<Element>> {
  const handle = await frame.evaluateHandle((path: string) => {
    const childMatching = (parent: ParentNode, step: string) => [...parent.children].find((child) => child.matches(step)) ?? null;
    let found = null as Element | null;
    for (const step of path.split(/\s*>\s*/)) {
      // A host's shadow tree first (Vitest counts a shadow child's position among the shadow root's children).
      const next: Element | null = found
        ? ((found.shadowRoot && childMatching(found.shadowRoot, step)) ?? childMatching(found, step))
        : childMatching(document, step);
      if (!next) return null;
      found = next;
    }
    return found;
  }, selector);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`No element matches ${selector}`);
  return element;
}

/** Keys as Vitest's user-event syntax writes them (`{Tab}`, `{Shift>}`, `abc`), pressed for real. */
const keyboard: Command<[text: string, state: { unreleased: string[] }]> = async ({ page }, text, state) => {
  const held = new Set(state.unreleased);
  for (const { keyDef, releasePrevious, releaseSelf, repeat } of parseKeyDef(text)) {
    const key = (keyDef.key ?? '') as KeyInput;
    if (releasePrevious) {
      await page.keyboard.up(key);
      held.delete(key);
      continue;
    }
    for (let i = 0; i < repeat; i++) {
      await page.keyboard.down(key);
      if (releaseSelf) await page.keyboard.up(key);
    }
    if (!releaseSelf) held.add(key);
  }
  return { unreleased: [...held] };
};

const commands = {
  __vitest_keyboard: keyboard,
  __vitest_cleanup: (async ({ page }, state: { unreleased: string[] }) => {
    for (const key of state.unreleased) await page.keyboard.up(key as KeyInput);
  }) as Command<[state: { unreleased: string[] }]>,
  __vitest_click: (async ({ frame }, selector: string) => {
    await (await resolve(await frame(), selector)).click();
  }) as Command<[selector: string]>,
  __vitest_dblClick: (async ({ frame }, selector: string) => {
    await (await resolve(await frame(), selector)).click({ count: 2 });
  }) as Command<[selector: string]>,
  __vitest_selectOptions: (async ({ frame }, selector: string, values: (string | { element: string })[]) => {
    const select = (await resolve(await frame(), selector)) as ElementHandle<HTMLSelectElement>;
    const wanted = values.map((value) => {
      if (typeof value !== 'string') throw new Error('The Firefox provider selects options by value or label, not by element');
      return value;
    });
    // By value, else by label, as Vitest's other providers do.
    const byValue = await select.evaluate((el, v) => v.map((w) => [...el.options].find((o) => o.value === w || o.label === w)?.value ?? w), wanted);
    await select.select(...byValue);
  }) as Command<[selector: string, values: (string | { element: string })[]]>,
};

class FirefoxProvider implements BrowserProvider {
  readonly name = 'firefox-bidi';
  readonly supportsParallelism = false;
  /** Vitest's locators (`page.getByRole`, `userEvent.click(element)`) for this provider. */
  readonly initScripts = [fileURLToPath(new URL('./vitest-firefox-locators.js', import.meta.url))];
  readonly #project: TestProject;
  readonly #options: FirefoxOptions;
  #browser: Promise<Browser> | undefined;
  readonly #pages = new Map<string, Page>();

  constructor(project: TestProject, options: FirefoxOptions) {
    this.#project = project;
    this.#options = options;
    // (Registered under the names Vitest's client sends; the registry is typed for its own providers.)
    const register = project.browser!.registerCommand.bind(project.browser) as (name: string, command: BrowserCommand<never>) => void;
    for (const [name, command] of Object.entries(commands)) register(name, command as unknown as BrowserCommand<never>);
  }

  #launch(): Promise<Browser> {
    const executablePath = findFirefox();
    if (!executablePath) throw new Error('Firefox tests need Firefox: `sudo apt-get install firefox-esr` (Debian/Ubuntu), or set FIREFOX_PATH.');
    return (this.#browser ??= puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      env: { ...process.env, TZ: this.#options.timezoneId },
      extraPrefsFirefox: {
        'intl.accept_languages': this.#options.locale,
        'intl.locale.requested': this.#options.locale,
        // A test's clock and timers are its own: the page runs at full speed in the background.
        'dom.min_background_timeout_value': 0,
      },
    }));
  }

  getCommandsContext(sessionId: string): FirefoxCommandContext {
    const page = this.#pages.get(sessionId);
    if (!page) throw new Error(`No Firefox page for session ${sessionId}`);
    return {
      page,
      // The test runs in Vitest's iframe inside the orchestrator page.
      frame: async () => {
        const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes('__vitest_test__'));
        if (frame) return frame;
        const element = await page.waitForSelector('iframe[data-vitest]');
        const content = await element!.contentFrame();
        if (!content) throw new Error('The test frame is not there');
        return content;
      },
    };
  }

  async openPage(sessionId: string, url: string): Promise<void> {
    const browser = await this.#launch();
    await this.#pages.get(sessionId)?.close();
    const page = await browser.newPage();
    const { width, height } = this.#project.config.browser.viewport;
    await page.setViewport({ width, height });
    this.#pages.set(sessionId, page);
    await page.goto(url);
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    this.#pages.clear();
    await (await browser)?.close();
  }
}

/** Vitest's browser provider for Firefox over WebDriver BiDi, e.g. `instances: [{ browser: 'firefox' }]`. */
export function firefox(options: FirefoxOptions) {
  return defineBrowserProvider({
    name: 'firefox-bidi',
    supportedBrowser: ['firefox'],
    options,
    providerFactory: (project) => new FirefoxProvider(project, options),
  });
}
