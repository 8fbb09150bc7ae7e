/**
 * The catalogs: every locale has every key of English with the same kind of value, uses its
 * glossary of domain terms and phone labels, and locale matching picks the right script.
 */
import { describe, expect, it } from 'vitest';
import type { Messages } from '../../src/i18n/en.js';
import { CATALOGS as ALL } from '../../src/testing/catalogs.js';
import { LOCALES, matchLocale, resolveLocale, type Locale } from '../../src/i18n/locales.js';
import { TROUBLE_CHECKS } from '../../src/domain/troubleshooting-checks.js';

const CATALOGS: Record<Locale, Messages> = ALL;
const en = ALL.en;

/** Every leaf of a catalog as path → kind ('string', 'function/2', 'array/4' …). */
function shape(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'function') out.set(path, `function/${value.length}`);
  else if (Array.isArray(value)) {
    out.set(path, `array/${value.length}`);
    value.forEach((v, i) => shape(v, `${path}[${i}]`).forEach((k, p) => out.set(p, k)));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) shape(v, path ? `${path}.${k}` : k).forEach((kind, p) => out.set(p, kind));
  } else out.set(path, typeof value);
  return out;
}

/** Every string a catalog can produce, with sample arguments for the functions. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const args = [3, 10, 'X', 'Y'].slice(0, value.length);
    const out = (value as (...a: unknown[]) => unknown)(...(path.endsWith('message') ? ['REF-1', '8981', ['a', 'b']] : args));
    return typeof out === 'string' ? [[path, out]] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe.each(LOCALES.filter((l) => l !== 'en'))('%s catalog', (locale) => {
  const m = CATALOGS[locale];

  it('has exactly the keys of English, each of the same kind', () => {
    expect(Object.fromEntries(shape(m))).toEqual(Object.fromEntries(shape(en)));
  });

  it('names its own locale', () => {
    expect(m.locale).toBe(locale);
  });

  it('is translated: no string is left in English (brand names and codes aside)', () => {
    const english = new Map(strings(en));
    // Brand names (iPhone, Android) may stay as they are.
    const brands = new Set(['platform.ios', 'platform.android']);
    const same = strings(m).filter(([path, s]) => english.get(path) === s && /[a-z]{4,}/.test(s) && !path.startsWith('terms.') && !brands.has(path));
    expect(same.map(([p]) => p)).toEqual([]);
  });

  it('produces no empty string and no "undefined"', () => {
    for (const [path, s] of strings(m)) {
      expect(s.trim(), path).not.toBe('');
      expect(s, path).not.toContain('undefined');
    }
  });
});

describe.each(LOCALES)('%s glossary', (locale) => {
  const m = CATALOGS[locale];
  const has = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());

  it('uses its domain terms where the strings speak of those things', () => {
    const t = m.terms;
    expect(has(m.title, t.esim), 'title').toBe(true);
    expect(has(m.login.iccid, t.iccid), 'login.iccid').toBe(true);
    expect(has(m.login.methodIccid, t.iccid), 'login.methodIccid').toBe(true);
    expect(has(m.shopVisit.bring[0]!, t.residenceCard), 'shopVisit.bring[0]').toBe(true);
    expect(has(m.trouble.checks.roaming.title, t.dataRoaming), 'trouble.checks.roaming.title').toBe(true);
    expect(has(m.trouble.checks.apn.title, t.apn), 'trouble.checks.apn.title').toBe(true);
    expect(has(m.payment.method.konbini, t.konbiniPayment), 'payment.method.konbini').toBe(true);
    expect(has(m.trouble.warning, t.esim), 'trouble.warning').toBe(true);
  });

  it('speaks of phone settings in the phone’s own labels', () => {
    // The troubleshooting titles that name a setting use the label the phone shows.
    expect(has(m.trouble.checks.airplane.title, m.os.ios.airplaneMode) || has(m.trouble.checks.airplane.title, m.os.android.airplaneMode)).toBe(true);
    expect(has(m.trouble.checks.roaming.title, m.os.ios.dataRoaming) || has(m.trouble.checks.roaming.title, m.os.android.roaming)).toBe(true);
    for (const id of TROUBLE_CHECKS) expect(m.trouble.checks[id].title.trim()).not.toBe('');
  });
});

describe.each(LOCALES)('%s: the wait a provider asks for (Retry-After)', (locale) => {
  const say = CATALOGS[locale].retryAfter;
  it('says seconds up to a minute and a half, then whole minutes, rounded up', () => {
    expect(say(30)).toContain('30');
    expect(say(89)).toContain('89');
    expect(say(120)).toContain('2');
    expect(say(120)).not.toContain('120');
    expect(say(121)).toContain('3');
    expect(say(30)).not.toBe(say(31));
  });
  if (locale === 'en') it('in English, one second is singular', () => expect(en.retryAfter(1)).toContain('1 second '));
});

describe('phone labels as the phones show them', () => {
  // Pinned from the phones' own UIs: a translation of "Cellular" would be wrong.
  it.each([
    ['en', 'Settings', 'Cellular', 'Network & internet'],
    ['ja', '設定', 'モバイル通信', 'ネットワークとインターネット'],
    ['zh-Hans', '设置', '蜂窝网络', '网络和互联网'],
    ['zh-Hant', '設定', '行動服務', '網路和網際網路'],
    ['ko', '설정', '셀룰러', '네트워크 및 인터넷'],
  ] as const)('%s', (locale, settings, cellular, network) => {
    const m = CATALOGS[locale];
    expect(m.os.ios.settings).toBe(settings);
    expect(m.os.ios.cellular).toBe(cellular);
    expect(m.os.android.networkInternet).toBe(network);
  });
});

describe('locale matching', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['ja-JP', 'ja'],
    ['ko-KR', 'ko'],
    ['en-GB', 'en'],
    ['zh_TW', 'zh-Hant'],
    ['fr-FR', null],
    ['not a tag!', null],
  ] as const)('%s → %s', (tag, expected) => {
    expect(matchLocale(tag)).toBe(expected);
  });

  it('takes the first supported of several, else English', () => {
    expect(resolveLocale(['fr', 'de-DE', 'ko-KR', 'ja'])).toBe('ko');
    expect(resolveLocale([null, undefined, 'pt-BR'])).toBe('en');
    expect(resolveLocale([])).toBe('en');
  });
});
