/**
 * Hostile input: strings a person might type (or paste) and a provider might send back, each
 * named so a count can be quoted. test/browser/hostile.test.ts types every entry into every text
 * input of the wizard and has a provider return it in every string it supplies.
 *
 * Payloads that would run script set `window.__hostilePwned` ({@link PWNED_FLAG}), so a test can
 * tell that nothing ran. Not part of the package.
 */
import type { FieldError } from '../domain/validation.js';

/** The global a payload sets if it ever runs. */
export const PWNED_FLAG = '__hostilePwned';

/** Every text input of the wizard, by the id of its control. */
export type HostileFieldId =
  | 'expiry-date-year'
  | 'expiry-date-month'
  | 'expiry-date-day'
  | 'days-left'
  | 'username'
  | 'password'
  | 'iccid'
  | 'order-number'
  | 'email'
  | 'cc-number'
  | 'cc-exp'
  | 'cc-csc'
  | 'support-message';

export type HostileCategory = 'xss' | 'long' | 'unicode' | 'whitespace' | 'sql' | 'card' | 'date' | 'iccid' | 'prototype';

export interface HostileEntry {
  /** Unique, kebab-case. */
  readonly name: string;
  readonly category: HostileCategory;
  readonly value: string;
  /**
   * What the wizard must say for this value in some fields, pinned by hand (the test otherwise
   * derives it from the validators): `null` means accepted.
   */
  readonly expect?: Partial<Record<HostileFieldId, FieldError | null>>;
}

const run = `window.${PWNED_FLAG}=1`;

export const HOSTILE_CORPUS: readonly HostileEntry[] = [
  // --- XSS -------------------------------------------------------------------------------------
  {
    name: 'xss-img-onerror',
    category: 'xss',
    value: `<img src=x onerror="${run}">`,
    expect: { username: null, email: 'email-invalid', 'order-number': 'too-long', 'cc-number': 'card-number-invalid', 'days-left': 'days-invalid' },
  },
  { name: 'xss-script-tag', category: 'xss', value: `<script>${run}</script>` },
  { name: 'xss-attr-break-double-quote', category: 'xss', value: `"><img src=x onerror=${run}>` },
  { name: 'xss-attr-break-single-quote', category: 'xss', value: `'><svg/onload=${run}>` },
  { name: 'xss-event-attr-no-tag', category: 'xss', value: `" autofocus onfocus="${run}" x="` },
  { name: 'xss-javascript-url', category: 'xss', value: `javascript:${run}` },
  { name: 'xss-javascript-url-obfuscated', category: 'xss', value: ` JaVaScRiPt:${run}//` },
  { name: 'xss-svg-onload', category: 'xss', value: `<svg onload="${run}"><circle r="1"/></svg>` },
  { name: 'xss-iframe-srcdoc', category: 'xss', value: `<iframe srcdoc="<script>parent.${run}</script>"></iframe>` },
  { name: 'xss-template-literal', category: 'xss', value: `\${${run}}` },
  { name: 'xss-mustache', category: 'xss', value: `{{constructor.constructor('${run}')()}}` },
  { name: 'xss-lit-marker', category: 'xss', value: `<!--?lit$123$--><?lit$123$>lit$123$` },
  { name: 'xss-html-entities', category: 'xss', value: '&lt;b&gt;not bold&lt;/b&gt; &amp; &#x3C;i&#x3E;' },

  // --- Long ------------------------------------------------------------------------------------
  {
    name: 'long-10000-chars',
    category: 'long',
    value: 'é漢a1'.repeat(2_500),
    expect: { username: 'too-long', email: 'too-long', 'order-number': 'too-long', 'days-left': 'days-invalid', password: null },
  },
  { name: 'long-10000-digits', category: 'long', value: '0123456789'.repeat(1_000), expect: { 'cc-number': 'card-number-invalid', iccid: 'iccid-length' } },

  // --- Unicode ---------------------------------------------------------------------------------
  { name: 'emoji', category: 'unicode', value: '😀👍🏽🇯🇵' },
  { name: 'emoji-zwj-sequences', category: 'unicode', value: '👩‍👩‍👧‍👦 👨🏻‍💻 🏳️‍🌈' },
  { name: 'bidi-override', category: 'unicode', value: 'invoice\u202Efdp.exe' },
  { name: 'zero-width-only', category: 'unicode', value: '\u200B\uFEFF\u200B' },
  { name: 'zero-width-in-digits', category: 'unicode', value: '4242\u200B4242\u200B4242\u200B4242', expect: { 'cc-number': 'card-number-invalid' } },
  { name: 'control-characters', category: 'unicode', value: 'a\u0000b\u0007c\u001B[31md\u007F' },
  { name: 'newlines', category: 'unicode', value: 'line one\nline two\r\nline three' },

  // --- Whitespace ------------------------------------------------------------------------------
  {
    name: 'whitespace-only',
    category: 'whitespace',
    value: '   \t  ',
    expect: {
      username: 'required',
      email: 'required',
      'order-number': 'required',
      iccid: 'required',
      'days-left': 'required',
      'cc-number': 'required',
      'cc-exp': 'required',
      'cc-csc': 'required',
    },
  },
  { name: 'unicode-spaces-only', category: 'whitespace', value: '\u00A0\u2003\u3000', expect: { username: 'required', 'days-left': 'required' } },

  // --- SQL -------------------------------------------------------------------------------------
  { name: 'sql-drop-table', category: 'sql', value: `'; DROP TABLE orders; --`, expect: { username: null, 'order-number': 'order-invalid' } },
  { name: 'sql-or-true', category: 'sql', value: `" OR 1=1 --`, expect: { email: 'email-invalid' } },

  // --- Cards -----------------------------------------------------------------------------------
  { name: 'card-valid-spaces', category: 'card', value: '4242 4242 4242 4242', expect: { 'cc-number': null } },
  { name: 'card-valid-dashes', category: 'card', value: '4242-4242-4242-4242', expect: { 'cc-number': null } },
  { name: 'card-wrong-luhn-spaces', category: 'card', value: '4242 4242 4242 4241', expect: { 'cc-number': 'card-checksum' } },
  { name: 'card-wrong-luhn-dashes', category: 'card', value: '4000-0000-0000-0001', expect: { 'cc-number': 'card-checksum' } },
  { name: 'card-expiry-past', category: 'card', value: '01/20', expect: { 'cc-exp': 'card-expired' } },
  { name: 'card-expiry-month-13', category: 'card', value: '13/30', expect: { 'cc-exp': 'card-expiry-invalid' } },

  // --- Dates -----------------------------------------------------------------------------------
  // Typed whole into one of the three date fields, each is not a year, a month or a day.
  { name: 'date-february-30', category: 'date', value: '2026-02-30', expect: { 'expiry-date-year': 'date-invalid', 'days-left': 'days-invalid' } },
  { name: 'date-month-13', category: 'date', value: '2026-13-01', expect: { 'expiry-date-month': 'date-invalid' } },
  { name: 'date-years-ago', category: 'date', value: '2000-01-01', expect: { 'expiry-date-day': 'date-invalid' } },
  { name: 'date-five-digit-year', category: 'date', value: '10000', expect: { 'expiry-date-year': 'date-invalid' } },

  // --- ICCIDs ----------------------------------------------------------------------------------
  { name: 'iccid-letter-o', category: 'iccid', value: '89811000000000000O2', expect: { iccid: 'iccid-digits' } },
  { name: 'iccid-wrong-luhn', category: 'iccid', value: '8981100000000000003', expect: { iccid: 'iccid-checksum' } },
  { name: 'iccid-valid-spaced', category: 'iccid', value: '8981 1000 0000 0000 002', expect: { iccid: null } },

  // --- Keys that objects already have ----------------------------------------------------------
  { name: 'prototype-proto', category: 'prototype', value: '__proto__' },
  { name: 'prototype-constructor', category: 'prototype', value: 'constructor' },
];
