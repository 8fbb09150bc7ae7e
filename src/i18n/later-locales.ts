/**
 * How each locale's later steps' catalog (sign-in onwards) loads. Part of the later chunk: the
 * first paint needs only the first steps' catalog (locales.ts).
 */
import type { LaterMessages } from './en-later.js';
import { once, type Locale } from './locales.js';

const later: Record<Locale, () => Promise<LaterMessages>> = {
  en: () => import('./en-later.js').then((m) => m.enLater),
  ja: () => import('./ja-later.js').then((m) => m.jaLater),
  'zh-Hans': () => import('./zh-Hans-later.js').then((m) => m.zhHansLater),
  'zh-Hant': () => import('./zh-Hant-later.js').then((m) => m.zhHantLater),
  ko: () => import('./ko-later.js').then((m) => m.koLater),
};

/** The later steps' catalog of a locale, loaded once per page however many wizards use it. */
export function loadLaterMessages(locale: Locale): Promise<LaterMessages> {
  return once(`${locale}:later`, later[locale]);
}
