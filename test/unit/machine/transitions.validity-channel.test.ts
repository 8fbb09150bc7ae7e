import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/domain/types.js';
import { TODAY, Wizard } from './harness.js';
import { datePartsOf } from '../../../src/testing/dates.js';

const next = { type: 'user.next' } as const;
const back = { type: 'user.back' } as const;

describe('validity', () => {
  it('starts on the time-left question with nothing entered', () => {
    const w = new Wizard();
    expect(w.state).toBe('validity');
    expect(w.ctx.validity).toEqual({ mode: null, date: datePartsOf(''), daysLeft: '', today: TODAY });
    expect(w.can(next)).toBe(false);
    expect(w.send(next).state).toBe('validity');
  });

  it('date mode: a real date goes on, and the typed values are kept', () => {
    const w = new Wizard().send({ type: 'user.validity.set', mode: 'date', date: datePartsOf('2026-11-29'), today: '2026-11-27' });
    expect(w.ctx.validity).toEqual({ mode: 'date', date: datePartsOf('2026-11-29'), daysLeft: '', today: '2026-11-27' });
    expect(w.send(next).state).toBe('channel');
  });

  it.each(['2026-02-30', 'not a date', '', '2040-01-01'])('date mode: %j keeps the person on the step', (date) => {
    const w = new Wizard().send({ type: 'user.validity.set', mode: 'date', date: datePartsOf(date), today: TODAY });
    expect(w.can(next)).toBe(false);
    expect(w.send(next).state).toBe('validity');
  });

  it.each(['0', '3', '3650'])('days mode: %j goes on', (daysLeft) => {
    expect(new Wizard().send({ type: 'user.validity.set', mode: 'days', daysLeft, today: TODAY }).send(next).state).toBe('channel');
  });

  it.each(['3651', '-1', '', 'a week', '2.5'])('days mode: %j keeps the person on the step', (daysLeft) => {
    const w = new Wizard().send({ type: 'user.validity.set', mode: 'days', daysLeft, today: TODAY });
    expect(w.send(next).state).toBe('validity');
  });

  it('unknown mode goes on without a date or days', () => {
    expect(new Wizard().send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }).send(next).state).toBe('channel');
  });

  it('switching modes keeps what was typed in the other mode, and the mode decides what is checked', () => {
    const w = new Wizard()
      .send({ type: 'user.validity.set', mode: 'date', date: datePartsOf('2026-02-30'), today: TODAY })
      .send({ type: 'user.validity.set', mode: 'days', daysLeft: '5', today: TODAY });
    expect(w.ctx.validity).toMatchObject({ mode: 'days', date: datePartsOf('2026-02-30'), daysLeft: '5' });
    expect(w.can(next)).toBe(true);
    w.send({ type: 'user.validity.set', mode: 'date', today: TODAY });
    expect(w.ctx.validity).toMatchObject({ mode: 'date', date: datePartsOf('2026-02-30'), daysLeft: '5' });
    expect(w.can(next)).toBe(false);
  });

  it('Back from the channel step returns here with the answer kept', () => {
    const w = new Wizard().send({ type: 'user.validity.set', mode: 'days', daysLeft: '3', today: TODAY }).send(next).send(back);
    expect(w.state).toBe('validity');
    expect(w.ctx.validity.daysLeft).toBe('3');
  });

  it('the platform can be changed on any step', () => {
    const w = new Wizard().send({ type: 'user.platform', platform: 'android' });
    expect(w.ctx.platform).toBe('android');
    w.send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }).send(next).send({ type: 'user.platform', platform: 'ios' });
    expect(w.state).toBe('channel');
    expect(w.ctx.platform).toBe('ios');
  });
});

describe('preset channel', () => {
  const fromValidity = (channel: Channel) =>
    new Wizard({ today: TODAY, channel }).send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }).send(next);

  it('online skips the channel question', () => {
    const w = fromValidity('online');
    expect(w.state).toBe('login.form');
    expect(w.ctx.channel).toBe('online');
    expect(w.ctx.login.method).toBe('account');
  });

  it('airport skips the channel question and identifies by ICCID', () => {
    const w = fromValidity('airport');
    expect(w.state).toBe('login.form');
    expect(w.ctx.login.method).toBe('iccid');
  });

  it('shop still asks online or visit, and the channel cannot be changed', () => {
    const w = fromValidity('shop');
    expect(w.state).toBe('channel');
    expect(w.can({ type: 'user.channel.select', channel: 'online' })).toBe(false);
    w.send({ type: 'user.channel.select', channel: 'online' });
    expect(w.ctx.channel).toBe('shop');
    expect(w.can(next)).toBe(false);
    w.send({ type: 'user.channel.shopPath', path: 'online' }).send(next);
    expect(w.state).toBe('login.form');
  });

  it('shop preset with a visit ends at the shop-visit page', () => {
    expect(fromValidity('shop').send({ type: 'user.channel.shopPath', path: 'visit' }).send(next).state).toBe('shop-visit');
  });

  it.each(['online', 'airport'] as const)('Back from login with a preset %s channel goes to validity', (channel) => {
    expect(fromValidity(channel).send(back).state).toBe('validity');
  });

  it('Back from login with a preset shop channel goes to the channel step', () => {
    const w = fromValidity('shop').send({ type: 'user.channel.shopPath', path: 'online' }).send(next).send(back);
    expect(w.state).toBe('channel');
    expect(w.ctx.shopPath).toBe('online');
  });
});

describe('channel', () => {
  const atChannel = () => new Wizard().send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }).send(next);

  it('needs a channel before going on', () => {
    const w = atChannel();
    expect(w.state).toBe('channel');
    expect(w.can(next)).toBe(false);
    expect(w.send(next).state).toBe('channel');
  });

  it('online → login with account credentials', () => {
    const w = atChannel().send({ type: 'user.channel.select', channel: 'online' }).send(next);
    expect(w.state).toBe('login.form');
    expect(w.ctx.login.method).toBe('account');
  });

  it('airport → login with ICCID', () => {
    const w = atChannel().send({ type: 'user.channel.select', channel: 'airport' }).send(next);
    expect(w.state).toBe('login.form');
    expect(w.ctx.login.method).toBe('iccid');
  });

  it('shop needs online-or-visit; the answer is refused for other channels', () => {
    const w = atChannel().send({ type: 'user.channel.select', channel: 'online' });
    expect(w.can({ type: 'user.channel.shopPath', path: 'visit' })).toBe(false);
    w.send({ type: 'user.channel.shopPath', path: 'visit' });
    expect(w.ctx.shopPath).toBeNull();
    w.send({ type: 'user.channel.select', channel: 'shop' });
    expect(w.can(next)).toBe(false);
    w.send({ type: 'user.channel.shopPath', path: 'online' }).send(next);
    expect(w.state).toBe('login.form');
    expect(w.ctx.login.method).toBe('account');
  });

  it('shop → visit → shop-visit, and Back returns to the channel step', () => {
    const w = atChannel().send({ type: 'user.channel.select', channel: 'shop' }).send({ type: 'user.channel.shopPath', path: 'visit' }).send(next);
    expect(w.state).toBe('shop-visit');
    expect(w.can(next)).toBe(false);
    w.send(back);
    expect(w.state).toBe('channel');
    expect(w.ctx).toMatchObject({ channel: 'shop', shopPath: 'visit' });
  });

  it('leaving shop for another channel forgets the shop answer', () => {
    const w = atChannel()
      .send({ type: 'user.channel.select', channel: 'shop' })
      .send({ type: 'user.channel.shopPath', path: 'visit' })
      .send({ type: 'user.channel.select', channel: 'online' });
    expect(w.ctx.shopPath).toBeNull();
    w.send({ type: 'user.channel.select', channel: 'shop' });
    expect(w.can(next)).toBe(false);
  });

  it('switching channels sets the sign-in method; airport keeps an order-number choice', () => {
    const w = atChannel().send({ type: 'user.channel.select', channel: 'airport' });
    expect(w.ctx.login.method).toBe('iccid');
    w.send({ type: 'user.channel.select', channel: 'online' });
    expect(w.ctx.login.method).toBe('account');
    w.send({ type: 'user.channel.select', channel: 'airport' }).send(next).send({ type: 'user.login.method', method: 'order' });
    expect(w.ctx.login.method).toBe('order');
    w.send(back).send({ type: 'user.channel.select', channel: 'airport' });
    expect(w.ctx.login.method).toBe('order');
  });

  it('Back from login without a preset goes to the channel step', () => {
    const w = atChannel().send({ type: 'user.channel.select', channel: 'online' }).send(next).send(back);
    expect(w.state).toBe('channel');
    expect(w.ctx.channel).toBe('online');
  });
});
