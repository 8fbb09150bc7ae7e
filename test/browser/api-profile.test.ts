/** `profile`: the seller's name, logo, links and support channels, and the URLs that are dropped. */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { safeUrl } from '../../src/element/views/profile.js';
import type { ProviderProfile } from '../../src/providers/contract.js';
import { FULL_PROFILE } from '../../src/testing/view-states.js';
import { linksByText, mountApi } from './api-helpers.js';
import { CARD_OK, click, demo, payByCard, pickPlan, q, root, signIn, text, toLogin, waitForState } from './flows-helpers.js';

describe('profile', () => {
  it('the links on the confirmation screen; support channels and links at the end; support channels in the escalation', async () => {
    const m = await mountApi(demo(), (el) => void (el.profile = FULL_PROFILE));
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    // The seller as the host presents it, on the final confirmation screen.
    expect(q(m.el, '#order-heading')!.closest('section')!.querySelector('.brand')!.textContent.trim()).to.equal('Sakura Mobile');
    expect(q(m.el, `.brand img[src="${FULL_PROFILE.logoUrl}"]`), 'the logo').to.not.equal(null);
    expect(linksByText(m.el)).to.include({
      Terms: 'https://sakura-mobile.example/terms',
      Refunds: 'https://sakura-mobile.example/refunds',
      Privacy: 'https://sakura-mobile.example/privacy',
    });
    for (const a of root(m.el).querySelectorAll<HTMLAnchorElement>('.profile-links a')) {
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.contain('noopener');
    }

    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(q(m.el, '#support-heading')!.textContent.trim()).to.equal('Contact Sakura Mobile');
    expect(linksByText(m.el)).to.include({
      'help@sakura-mobile.example': 'mailto:help@sakura-mobile.example',
      '+81 3-1234-5678': 'tel:+81312345678',
      'Chat on LINE': 'https://line.me/R/ti/p/@sakura-mobile',
      'Chat on KakaoTalk': 'https://pf.kakao.com/_sakura',
      Terms: 'https://sakura-mobile.example/terms',
    });
    expect(text(m.el)).to.contain('E-mail').and.contain('Phone');
    expect(q(m.el, `img[src="${FULL_PROFILE.logoUrl}"]`), 'the logo').to.not.equal(null);
    // The javascript: chat link is dropped, list item and all.
    expect(q(m.el, 'a[href^="javascript:"]')).to.equal(null);
    expect(text(m.el)).to.not.contain('Chat on Evil');
    expect(root(m.el).querySelectorAll('ul.support li').length).to.equal(4);
    await expect(m.el).to.be.accessible();

    await click(m.el, 'It’s still not working');
    await click(m.el, 'Contact support instead');
    await waitForState(m.el, 'troubleshooting.escalate');
    expect(q(m.el, '#support-heading')!.textContent.trim()).to.equal('Contact Sakura Mobile');
    expect(linksByText(m.el)).to.include({ 'Chat on LINE': 'https://line.me/R/ti/p/@sakura-mobile', '+81 3-1234-5678': 'tel:+81312345678' });
  });

  it('drops javascript: and data: URLs, keeps the rest; without a brand name the provider’s own name is used', async () => {
    const profile: ProviderProfile = {
      brandName: '',
      logoUrl: 'javascript:alert(1)',
      support: {
        chats: [
          { app: 'LINE', url: ' JavaScript:alert(1)' },
          { app: 'WeChat', url: 'https://weixin.qq.com/r/example' },
        ],
      },
      links: { terms: 'javascript:alert(1)', refunds: 'data:text/html,<script>alert(1)</script>', privacy: 'https://example.com/privacy' },
    };
    const m = await mountApi(demo(), (el) => void (el.profile = profile));
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    expect([...root(m.el).querySelectorAll('.profile-links a')].map((a) => a.textContent.trim())).to.deep.equal(['Privacy']);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(q(m.el, '#support-heading')!.textContent.trim()).to.equal('Contact Demo eSIM');
    expect(linksByText(m.el)).to.include({ 'Chat on WeChat': 'https://weixin.qq.com/r/example' });
    expect(text(m.el)).to.not.contain('Chat on LINE');
    const hrefs = [...root(m.el).querySelectorAll('[href], [src]')].map((n) => (n.getAttribute('href') ?? n.getAttribute('src'))!.trim().toLowerCase());
    expect(hrefs.filter((h) => h.startsWith('javascript:') || h.startsWith('data:'))).to.deep.equal([]);
    expect(q(m.el, 'img'), 'no logo from a javascript: URL').to.equal(null);
    expect(root(m.el).querySelectorAll('ul.support li').length, 'no empty item for the dropped chat').to.equal(1);
  });

  it('safeUrl: web, mail and phone links only', () => {
    expect(safeUrl('https://example.com/a')).to.equal('https://example.com/a');
    expect(safeUrl('http://example.com')).to.equal('http://example.com');
    expect(safeUrl('mailto:a@example.com')).to.equal('mailto:a@example.com');
    expect(safeUrl('tel:+81312345678')).to.equal('tel:+81312345678');
    expect(safeUrl('/relative/path')).to.equal('/relative/path');
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '',
      undefined,
    ]) {
      expect(safeUrl(bad), String(bad)).to.equal(null);
    }
  });

  it('the default profile shows none of it', async () => {
    const m = await mountApi(demo());
    expect(m.el.profile).to.deep.equal({ brandName: '' });
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    expect(q(m.el, '.profile-links')).to.equal(null);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(q(m.el, '#support-heading')).to.equal(null);
    expect(q(m.el, '.profile-links')).to.equal(null);
  });
});
