/**
 * The supported locales, how a requested language maps to one, and how each catalog loads.
 * English is bundled; the others are separate chunks, loaded only when used.
 */
import type { CoreMessages } from './en.js';

export const LOCALES = ['en', 'ja', 'zh-Hans', 'zh-Hant', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language in its own words, for the switcher (known before any catalog loads). */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  ja: '日本語',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  ko: '한국어',
};

/** Chinese regions that write Traditional characters. */
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/**
 * The supported locale for one BCP 47 tag, or null: `zh-TW`, `zh-HK` and `zh-Hant-*` →
 * zh-Hant; `zh`, `zh-CN`, `zh-SG` and `zh-Hans-*` → zh-Hans; `ja-JP` → ja; `en-GB` → en.
 */
export function matchLocale(tag: string): Locale | null {
  // BCP 47 subtags: language, then an optional 4-letter script, then an optional region.
  // (Split by hand: `Intl.Locale` costs more than the rest of the lookup at start-up.)
  const parts = tag.trim().replace(/_/g, '-').split('-');
  const language = parts[0]!.toLowerCase();
  if (!/^[a-z]{2,3}$/.test(language)) return null;
  let i = 1;
  const script = /^[A-Za-z]{4}$/.test(parts[i] ?? '') ? parts[i++]!.toLowerCase() : '';
  const region = /^([A-Za-z]{2}|\d{3})$/.test(parts[i] ?? '') ? parts[i]!.toUpperCase() : '';
  if (language === 'zh') {
    if (script === 'hant' || (!script && TRADITIONAL_REGIONS.has(region))) return 'zh-Hant';
    return 'zh-Hans';
  }
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : null;
}

/** The first of the requested tags that a supported locale matches; `en` when none does. */
export function resolveLocale(requested: readonly (string | null | undefined)[]): Locale {
  for (const tag of requested) {
    const match = tag ? matchLocale(tag) : null;
    if (match) return match;
  }
  return 'en';
}

/**
 * Each catalog comes in two parts: the first steps' (here), and the later steps' (sign-in
 * onwards, whose loaders come with the later chunk: later-locales.ts). English's first part is
 * bundled with the wizard (`en.ts`), and not imported here: this module imports nothing, so that
 * it can be evaluated first (prefetch.ts).
 */
const core: Record<Exclude<Locale, 'en'>, () => Promise<CoreMessages>> = {
  ja: () => import('./ja.js').then((m) => m.ja),
  'zh-Hans': () => import('./zh-Hans.js').then((m) => m.zhHans),
  'zh-Hant': () => import('./zh-Hant.js').then((m) => m.zhHant),
  ko: () => import('./ko.js').then((m) => m.ko),
};

const cache = new Map<string, Promise<unknown>>();

/** Loads once per page (a failed load may be tried again). */
export function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    // A failed chunk load (offline) may be retried later.
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** The first steps' catalog of a locale (not English: that is bundled), loaded once per page however many wizards use it. */
export function loadMessages(locale: Exclude<Locale, 'en'>): Promise<CoreMessages> {
  return once(`${locale}:core`, core[locale]);
}

/** The locale an element speaks: its own or closest `lang`, then the browser's languages, then English. */
export function localeOf(element: Element): Locale {
  return resolveLocale([closestLang(element), ...navigator.languages]);
}

/** The nearest `lang` attribute from the element up, crossing shadow roots. */
export function closestLang(element: Element): string | null {
  let node: Element | null = element;
  while (node) {
    const holder: Element | null = node.closest('[lang]');
    if (holder) {
      const lang = holder.getAttribute('lang')!.trim();
      if (lang) return lang;
      // An empty lang says nothing: look further up, out of a shadow root if it is the top.
      node = holder.parentElement ?? (holder.getRootNode() as ShadowRoot).host ?? null;
      continue;
    }
    node = (node.getRootNode() as ShadowRoot).host ?? null;
  }
  return null;
}
