/**
 * The traveller's flow on the reference server, as `npm start` runs it (the built standalone page,
 * the HttpProvider, the session in an HttpOnly cookie), in Chromium: what the in-browser demo
 * could not show. A reload keeps the person signed in; `?channel=airport` skips the question;
 * the demo server (`--demo`, as `npm start` runs it) says it is one, and the page loads only the
 * HTTP provider, never the in-browser demo's chunk.
 */
import { describe, expect, it } from 'vitest';
import { answerValidity, en, inTab, pickPlan, servedPage, signInOnline, wizard } from './page-helpers.js';

describe('the standalone page on the reference server: a traveller', () => {
  const page = servedPage();

  it('stays signed in through a reload: the session is the cookie, not the page', async () => {
    await inTab(page, '/', async (tab, seen) => {
      await signInOnline(tab);
      await tab.reload();
      const { w, heading } = wizard(tab);
      await heading(en.plan.title).waitFor();
      await pickPlan(tab);
      expect(await w.getByText(en.errors['session-expired']).count()).toBe(0);
      expect(seen.api.filter((call) => call.path === '/v1/session').map((call) => call.method)).toEqual(['POST']);
      expect(seen.api.filter((call) => call.path === '/v1/orders').map((call) => call.status)).toEqual([201]);
    });
  }, 30_000);
});

describe('the standalone page on the demo server (npm start)', () => {
  const page = servedPage({ demo: true });

  it('says it is a demo server, and loads the HTTP provider and never the in-browser demo', async () => {
    await inTab(page, '/', async (tab, seen) => {
      const { w, heading } = wizard(tab);
      await heading(en.validity.title).waitFor();
      await w.getByRole('note').filter({ hasText: en.demoNotice }).waitFor();
      await w.getByRole('note').filter({ hasText: en.resume.demoServer }).waitFor();
      await signInOnline(tab);
      expect(seen.loaded.filter((path) => /^\/assets\/http-[\w-]+\.js$/.test(path))).toHaveLength(1);
      expect(seen.loaded.filter((path) => /^\/assets\/demo-/.test(path))).toEqual([]);
      expect(seen.problems).toEqual([]);
    });
  }, 30_000);

  it('takes ?channel=airport: the first step leads straight to the travel eSIM sign-in', async () => {
    await inTab(page, '/?channel=airport', async (tab) => {
      const { heading } = wizard(tab);
      await answerValidity(tab);
      await heading(en.login.titleTravel).waitFor();
      expect(await heading(en.channel.title).count()).toBe(0);
    });
  }, 30_000);
});

describe('the standalone page on the reference server without --demo', () => {
  const page = servedPage();

  it('shows no demo notice', async () => {
    await inTab(page, '/', async (tab) => {
      await signInOnline(tab);
      const notes = wizard(tab).w.getByRole('note');
      expect(await notes.filter({ hasText: en.demoNotice }).count()).toBe(0);
      expect(await notes.filter({ hasText: en.resume.demoServer }).count()).toBe(0);
    });
  }, 30_000);
});
