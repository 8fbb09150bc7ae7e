import { css } from 'lit';

/**
 * The dark palette, used with `theme="dark"`, and with the default `theme="auto"` when the
 * system prefers dark. Every text colour keeps at least 4.5:1 against its background, and
 * borders 3:1. The public custom properties still win over these defaults.
 */
const dark = css`
  color-scheme: dark;
  --_fg: var(--esim-color-text, #e6e9ee);
  --_muted: var(--esim-color-muted, #b7c0cc);
  --_bg: var(--esim-color-surface, #16191d);
  --_subtle: var(--esim-color-subtle, #232830);
  --_border: var(--esim-color-border, #7f8a98);
  --_accent: var(--esim-color-primary, #8ab4f8);
  --_on-accent: var(--esim-color-on-primary, #0b1d3a);
  --_danger: var(--esim-color-danger, #f2b8b5);
  --_danger-bg: var(--esim-color-danger-surface, #3b1a19);
  --_warn-bg: var(--esim-color-warning-surface, #3a300c);
  --_ok: var(--esim-color-success, #81c995);
  --_ok-bg: var(--esim-color-success-surface, #12301c);
  --_focus: var(--esim-focus-ring, 3px solid #8ab4f8);
`;

/**
 * The wizard's look. Mobile first: works from 320 px, inputs at 16 px or more so iOS does not
 * zoom, targets at least 44 px tall. Colours come from custom properties so hosts can theme it.
 */
export const wizardStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }

  .base {
    color-scheme: light;
    --_fg: var(--esim-color-text, #1b1f24);
    --_muted: var(--esim-color-muted, #4a5360);
    --_bg: var(--esim-color-surface, #ffffff);
    --_subtle: var(--esim-color-subtle, #f3f5f8);
    --_border: var(--esim-color-border, #8a94a3);
    --_accent: var(--esim-color-primary, #0b57d0);
    --_on-accent: var(--esim-color-on-primary, #ffffff);
    --_danger: var(--esim-color-danger, #b3261e);
    --_danger-bg: var(--esim-color-danger-surface, #fdecea);
    --_warn-bg: var(--esim-color-warning-surface, #fff4d6);
    --_ok: var(--esim-color-success, #146c2e);
    --_ok-bg: var(--esim-color-success-surface, #e6f4ea);
    --_focus: var(--esim-focus-ring, 3px solid #0b57d0);
    --_radius: var(--esim-radius, 10px);
    --_space: var(--esim-space, 1rem);
    box-sizing: border-box;
    color: var(--_fg);
    background: var(--_bg);
    font-family: var(--esim-font, inherit);
    font-size: 1rem;
    line-height: 1.5;
    /* On a narrow host the sides give way (5 % of its width) before the words inside do. */
    padding: var(--_space) min(var(--_space), 5%);
    border-radius: var(--_radius);
    max-width: 42rem;
    overflow-wrap: anywhere;
  }
  :host([theme='dark']) .base {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) .base {
      ${dark}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
    justify-content: space-between;
    margin-bottom: var(--_space);
  }
  .title {
    margin: 0;
    font-weight: 700;
    font-size: 1.125rem;
  }
  .language {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }
  .language select {
    width: auto;
    min-height: 2.75rem;
    padding-block: 0.25rem;
  }
  .notice {
    margin: 0 0 var(--_space);
    padding: 0.5rem 0.75rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_warn-bg);
    font-weight: 600;
  }

  /* Progress: numbered, the current step marked by weight, an underline and aria-current, not colour alone. */
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    font-size: 0.875rem;
    color: var(--_muted);
    counter-reset: step;
  }
  .progress li {
    counter-increment: step;
  }
  .progress li::before {
    content: counter(step) '. ';
  }
  .progress li[aria-current='step'] {
    color: var(--_fg);
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.25em;
  }
  .progress li.complete::after {
    content: ' ✓';
  }

  h2 {
    font-size: 1.375rem;
    line-height: 1.3;
    margin: 0 0 var(--_space);
  }
  /* (Every supported engine rings focus by :focus-visible alone: a heading focused after a click shows none.) */
  h2:focus-visible {
    outline: var(--_focus);
    outline-offset: 4px;
  }
  p {
    margin: 0 0 0.75rem;
  }

  .field {
    display: grid;
    /* One column that may be narrower than a control's own width: no control widens the wizard. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    margin-bottom: var(--_space);
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9375rem;
    margin: 0;
  }
  /* Every text-like field, including the later steps' (e-mail, password, the support message). */
  input:not([type='radio'], [type='checkbox']),
  textarea,
  select {
    font: inherit;
    font-size: max(1rem, 16px);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.625rem 0.75rem;
    min-height: 2.75rem;
    width: 100%;
    min-width: 0;
    max-width: 100%;
  }
  /* Year, month and day side by side, wrapping when the wizard is narrow. */
  .date-parts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
  }
  .date-parts .field {
    margin: 0;
  }
  .date-parts input {
    width: calc(2.5ch + 1.5rem + 4px);
  }
  .date-parts .date-year {
    width: calc(4.5ch + 1.5rem + 4px);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    margin: 0;
  }
  .field-error::before {
    content: '⚠ ';
  }

  fieldset {
    border: 0;
    margin: 0 0 var(--_space);
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.5rem;
  }
  .choice {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.625rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-bottom: 0.5rem;
    cursor: pointer;
    min-height: 2.75rem;
    font-weight: 400;
  }
  /* A class, not :has(input:checked): :has() makes every DOM change costlier to restyle. */
  .choice.checked {
    border: 2px solid var(--_accent);
    background: var(--_subtle);
  }
  .choice input {
    margin-top: 0.3rem;
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
    accent-color: var(--_accent);
  }
  .choice-text {
    display: grid;
    gap: 0.125rem;
  }
  .choice-title {
    font-weight: 600;
  }
  @container wizard (max-width: 22rem) {
    .choice {
      gap: 0.5rem;
      padding-inline: 0.5rem;
    }
  }
  .segmented {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .segmented .choice {
    flex: 1 1 8rem;
    margin: 0;
  }

  button,
  .button {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1.125rem;
    border-radius: var(--_radius);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    text-align: center;
  }
  .primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border: 2px solid var(--_accent);
  }
  .secondary {
    background: var(--_bg);
    color: var(--_accent);
    border: 2px solid var(--_accent);
  }
  [aria-disabled='true'] {
    cursor: not-allowed;
  }
  /* A radio takes focus only from the keyboard or a click on it; WebKit does not match
     :focus-visible when the arrow keys move through a group, so radios show the ring on :focus. */
  :focus-visible,
  [type='radio']:focus {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  .actions {
    display: flex;
    flex-wrap: wrap-reverse;
    gap: 0.75rem;
    justify-content: space-between;
    margin-top: calc(var(--_space) * 1.5);
  }
  .actions .primary {
    flex: 1 1 12rem;
  }

  .panel {
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0 0 var(--_space);
    background: var(--_subtle);
  }
  .warning {
    background: var(--_warn-bg);
    border: 2px solid var(--_fg);
    font-weight: 700;
  }
  .tip {
    border-inline-start: 6px solid var(--_accent);
  }

  .path {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem 0.375rem;
    list-style: none;
    padding: 0;
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  .path li + li::before {
    content: '→ ';
    color: var(--_muted);
  }

  /*
   * The inner base (not :host) is the size container: the layout follows the space the host
   * page gives the wizard, not the viewport, and needs no fixed height.
   */
  .base {
    container: wizard / inline-size;
  }

  .busy {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    margin: var(--_space) 0;
  }
  .spinner {
    width: 1.5rem;
    height: 1.5rem;
    border: 3px solid var(--_border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
    flex: none;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-top-color: var(--_border);
    }
  }
`;
