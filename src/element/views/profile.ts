/** The embedding site's profile: its links and support channels, where they help. */
import { html, nothing } from 'lit';
import type { ViewHost } from './view.js';

/** Only web and mail links are rendered; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, 'https://invalid.example/');
    return ['https:', 'http:', 'mailto:', 'tel:'].includes(u.protocol) ? url : null;
  } catch {
    return null;
  }
}

/**
 * A link out of the wizard (the provider's or the site's), opened in a new tab; nothing when the
 * address is not a web, mail or phone link. Every such link goes through here.
 */
export const outLink = (url: string | undefined, text: string, primary = false) => {
  const href = safeUrl(url);
  if (!href) return nothing;
  return primary
    ? html`<a class="button primary" part="primary-button" href=${href} target="_blank" rel="noopener noreferrer">${text}</a>`
    : html`<a href=${href} target="_blank" rel="noopener noreferrer">${text}</a>`;
};

/** The brand's logo (decorative: the brand's name is always written beside it). */
function logo(v: ViewHost) {
  const src = safeUrl(v.profile.logoUrl);
  return src ? html`<img class="brand-logo" src=${src} alt="" />` : nothing;
}

/** The brand as the host presents it: its logo and name, when the profile has them. */
export function brandMark(v: ViewHost) {
  const name = v.profile.brandName || (v.profile.logoUrl ? v.info?.name : '');
  if (!name) return nothing;
  return html`<p class="brand">${logo(v)} <span>${name}</span></p>`;
}

/** Terms, refunds and privacy, as the host's profile gives them. */
export function profileLinks(v: ViewHost) {
  const l = v.profile.links;
  if (!l || !(l.terms || l.refunds || l.privacy)) return nothing;
  const m = v.m.profile;
  return html`<p class="links profile-links">
    ${outLink(l.terms, m.terms)} ${outLink(l.refunds, m.refunds)} ${outLink(l.privacy, m.privacy)}
  </p>`;
}

/** The ways to reach the provider's support: e-mail, phone, chat apps. */
export function supportChannels(v: ViewHost) {
  const s = v.profile.support;
  // A chat whose link was dropped is not listed at all (no empty list item).
  const chats = (s?.chats ?? []).flatMap((c) => {
    const url = safeUrl(c.url);
    return url ? [{ app: c.app, url }] : [];
  });
  if (!s || !(s.email || s.phone || chats.length)) return nothing;
  const m = v.m.profile;
  const brand = v.profile.brandName || v.info?.name || '';
  return html`<section class="panel" aria-labelledby="support-heading">
    <h3 id="support-heading">${logo(v)} ${m.supportTitle(brand)}</h3>
    <ul class="support">
      ${s.email ? html`<li>${m.email}: ${outLink(`mailto:${s.email}`, s.email)}</li>` : nothing}
      ${s.phone ? html`<li>${m.phone}: ${outLink(`tel:${s.phone.replace(/[^\d+]/g, '')}`, s.phone)}</li>` : nothing}
      ${chats.map((c) => html`<li>${outLink(c.url, m.chat(c.app))}</li>`)}
    </ul>
  </section>`;
}
