import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type CoreMessages, type Messages } from '../i18n/en.js';
import type { LaterMessages } from '../i18n/en-later.js';
import { loadMessages, localeOf, type Locale } from '../i18n/locales.js';

/**
 * Per-element localisation, with no page-wide set-up (the host page may run its own i18n, and
 * two wizards may speak different languages). The locale is, in order: the element's `lang`,
 * the closest ancestor's `lang` (across shadow roots), `navigator.languages`, then English.
 * It follows changes to any of them, and re-renders in place.
 */
export class LocaleController implements ReactiveController {
  /**
   * The catalog in use. English until another has loaded. Typed as the whole catalog, but the
   * later steps' strings are there only once `hasLater` is true (see `requireLater`).
   */
  messages: Messages = en as Messages;
  locale: Locale = 'en';
  /** False until the first catalog is in: the host renders nothing rather than a flash of English. */
  ready = false;
  /** Whether `messages` includes the later steps' part. */
  hasLater = false;
  /** How the later steps' catalogs load, once the later chunk (which brings it) is in. */
  #laterLoader: ((locale: Locale) => Promise<LaterMessages>) | undefined;
  #wanted: string | null = null;
  /** The catalog being loaded, if any: the host's first update and `updateComplete` wait for it. */
  pending: Promise<void> | null = null;
  /** This connection's observer of `lang` attributes, once the first render is done. */
  #observer: MutationObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { hasUpdated: boolean }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#refresh();
    // Moved in the page, or back: no render may follow, so follow now.
    if (this.host.hasUpdated) this.hostUpdated();
  }

  /**
   * Following changes starts a task after the first render of each connection (so, in a language
   * whose catalog loads first, not in the wait before that render), and catches up on any change
   * made meanwhile.
   */
  hostUpdated(): void {
    // (A wizard no longer in the page still renders when asked; it follows nothing meanwhile.)
    if (this.#observer || !this.host.isConnected) return;
    const observer = (this.#observer = new MutationObserver(this.#refresh));
    setTimeout(() => {
      // (Gone again meanwhile: its next connection follows instead.)
      if (this.#observer !== observer) return;
      observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
      // Any ancestor's lang may change; one observer per document root is cheap (lang rarely changes).
      for (let node: Node | null = this.host; node; node = (node.getRootNode() as ShadowRoot).host ?? null) {
        const root = node.getRootNode();
        const top = root instanceof Document ? root.documentElement : root;
        if (top) observer.observe(top, { attributes: true, attributeFilter: ['lang'], subtree: true });
        if (root instanceof Document) break;
      }
      addEventListener('languagechange', this.#refresh);
      this.#refresh();
    });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    removeEventListener('languagechange', this.#refresh);
  }

  /** The locale the element should speak now. */
  resolve(): Locale {
    return localeOf(this.host);
  }

  /** Asks for the later steps' strings too (in this and every later locale). */
  requireLater(load: (locale: Locale) => Promise<LaterMessages>): void {
    if (this.#laterLoader) return;
    this.#laterLoader = load;
    this.#refresh();
  }

  readonly #refresh = (): void => {
    const locale = this.resolve();
    const withLater = this.#laterLoader;
    const wanted = `${locale}:${!!withLater}`;
    if (wanted === this.#wanted) return;
    this.#wanted = wanted;
    if (locale === 'en' && !withLater) {
      // English is bundled: no wait, no empty first frame.
      this.#apply('en', en, false);
      return;
    }
    // Both parts switch together, so the wizard never speaks two languages at once.
    // `pending` settles once the catalog is applied (or could not load), and never rejects.
    const settled: Promise<void> = (this.pending = Promise.all([locale === 'en' ? en : loadMessages(locale), withLater ? withLater(locale) : null])
      .then(
        ([core, later]) => {
          if (this.#wanted === wanted) this.#apply(locale, { ...core, ...later }, later !== null); // else a later change won
        },
        () => {
          // The chunk could not load (offline): keep speaking what we have, try again on the next change.
          this.#wanted = null;
          this.ready = true;
          this.host.requestUpdate();
        },
      )
      .then(() => {
        if (this.pending === settled) this.pending = null;
      }));
  };

  #apply(locale: Locale, messages: Messages | CoreMessages, hasLater: boolean): void {
    this.messages = messages as Messages;
    this.locale = locale;
    this.hasLater = hasLater;
    this.ready = true;
    this.host.requestUpdate();
  }
}
