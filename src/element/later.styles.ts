import { css } from 'lit';

/**
 * Styles only the later steps use (summaries, plans, vouchers, phrases, the activation bar).
 * They arrive with the later chunk and are adopted into the shadow root then. The base part is
 * the size container these queries ask about.
 */
export const laterStyles = css`
  /*
   * The host's own payment UI (the payment slot) keeps the engines' light form controls in the
   * dark palette: their dark buttons differ by engine (WebKitGTK draws white on light grey,
   * 1.81:1), and a host styles its own widgets.
   */
  slot[name='payment'] {
    color-scheme: light;
  }
  .brand-logo {
    max-height: 2rem;
    max-width: 100%;
    width: auto;
    vertical-align: middle;
  }
  dl.summary {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.375rem 1rem;
    margin: 0 0 var(--_space);
  }
  dl.summary dt {
    font-weight: 600;
  }
  dl.summary dd {
    margin: 0;
  }
  /* Too narrow for label and value side by side (a small screen, or enlarged text): stacked. */
  @container wizard (max-width: 22rem) {
    dl.summary {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0.125rem;
    }
    dl.summary dd {
      margin-bottom: 0.5rem;
    }
  }
  .plan-group {
    margin-bottom: var(--_space);
  }
  .plan-meta {
    color: var(--_muted);
  }
  .price {
    font-weight: 700;
  }
  .badge {
    display: inline-block;
    font-size: 0.8125rem;
    font-weight: 700;
    padding: 0 0.5rem;
    border: 1px solid var(--_fg);
    border-radius: 999px;
    margin-inline-start: 0.25rem;
  }
  .voucher {
    font-size: 1.5rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    font-variant-numeric: tabular-nums;
  }
  .phrase {
    font-size: 1.25rem;
    font-weight: 700;
    margin: 0;
  }
  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--_accent);
  }
  textarea {
    min-height: 9rem;
    resize: vertical;
  }
  .error {
    background: var(--_danger-bg);
    border-inline-start: 6px solid var(--_danger);
  }
  .error p:last-child {
    margin-bottom: 0;
  }
  .success {
    background: var(--_ok-bg);
    border-inline-start: 6px solid var(--_ok);
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin-bottom: var(--_space);
  }
  .links a {
    display: inline-block;
    padding: 0.5rem 0;
  }
  h3 {
    font-size: 1.0625rem;
    margin: calc(var(--_space) * 1.25) 0 0.5rem;
  }
  ul,
  ol {
    margin: 0 0 0.75rem;
    padding-inline-start: 1.25rem;
  }
  a {
    color: var(--_accent);
  }
  .progress .step-link {
    min-height: 1.5rem;
    padding: 0;
    font-weight: inherit;
    font-size: inherit;
  }
  .link {
    background: none;
    border: 0;
    color: var(--_accent);
    text-decoration: underline;
    padding: 0.5rem 0;
  }
`;
