/** Every locale's whole catalog (both parts), for tests that read the strings. Not part of the package. */
import { en, type Messages } from '../i18n/en.js';
import { enLater } from '../i18n/en-later.js';
import { ja } from '../i18n/ja.js';
import { jaLater } from '../i18n/ja-later.js';
import { ko } from '../i18n/ko.js';
import { koLater } from '../i18n/ko-later.js';
import type { Locale } from '../i18n/locales.js';
import { zhHans } from '../i18n/zh-Hans.js';
import { zhHansLater } from '../i18n/zh-Hans-later.js';
import { zhHant } from '../i18n/zh-Hant.js';
import { zhHantLater } from '../i18n/zh-Hant-later.js';

export const CATALOGS: Record<Locale, Messages> = {
  en: { ...en, ...enLater },
  ja: { ...ja, ...jaLater },
  'zh-Hans': { ...zhHans, ...zhHansLater },
  'zh-Hant': { ...zhHant, ...zhHantLater },
  ko: { ...ko, ...koLater },
};
