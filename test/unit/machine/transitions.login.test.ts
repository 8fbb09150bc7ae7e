import { describe, expect, it } from 'vitest';
import { LOGIN_COOLDOWN_S } from '../../../src/machine/setup.js';
import { ICCID_19, TODAY, Wizard, atLogin, err, fillAccount } from './harness.js';

const next = { type: 'user.next' } as const;
const back = { type: 'user.back' } as const;
const wrong = err('invalid-credentials');

/** Submits the filled form and answers with `event`. */
const attempt = (w: Wizard, answer = wrong) => {
  w.send(next);
  expect(w.state).toBe('login.submitting');
  return w.send(answer);
};

describe('login: methods', () => {
  it('online: only account credentials (no ICCID, no order number)', () => {
    const w = atLogin('online');
    expect(w.can({ type: 'user.login.method', method: 'iccid' })).toBe(false);
    expect(w.can({ type: 'user.login.method', method: 'order' })).toBe(false);
    w.send({ type: 'user.login.method', method: 'iccid' });
    expect(w.ctx.login.method).toBe('account');
  });

  it('shop (renewing online): only account credentials', () => {
    const w = atLogin('shop');
    expect(w.ctx.login.method).toBe('account');
    expect(w.send({ type: 'user.login.method', method: 'iccid' }).ctx.login.method).toBe('account');
  });

  it('airport: ICCID or order number, never an account', () => {
    const w = atLogin('airport');
    expect(w.ctx.login.method).toBe('iccid');
    expect(w.can({ type: 'user.login.method', method: 'account' })).toBe(false);
    w.send({ type: 'user.login.method', method: 'account' });
    expect(w.ctx.login.method).toBe('iccid');
    w.send({ type: 'user.login.method', method: 'order' });
    expect(w.ctx.login.method).toBe('order');
    w.send({ type: 'user.login.method', method: 'iccid' });
    expect(w.ctx.login.method).toBe('iccid');
  });
});

describe('login: field validation', () => {
  it('account: needs a user name and a password', () => {
    const w = atLogin();
    expect(w.can(next)).toBe(false);
    w.send({ type: 'user.login.field', field: 'username', value: 'mika' });
    expect(w.send(next).state).toBe('login.form');
    w.send({ type: 'user.login.password', filled: true });
    expect(w.can(next)).toBe(true);
    w.send({ type: 'user.login.password', filled: false });
    expect(w.can(next)).toBe(false);
    w.send({ type: 'user.login.field', field: 'username', value: '   ' }).send({ type: 'user.login.password', filled: true });
    expect(w.can(next)).toBe(false);
  });

  it('iccid: a bad check digit or a bad e-mail keeps the form', () => {
    const w = atLogin('airport')
      .send({ type: 'user.login.field', field: 'iccid', value: '8981100000000000003' })
      .send({ type: 'user.login.field', field: 'email', value: 'mika@example.jp' });
    expect(w.send(next).state).toBe('login.form');
    w.send({ type: 'user.login.field', field: 'iccid', value: '8981 1000 0000 0000 002' }).send({
      type: 'user.login.field',
      field: 'email',
      value: 'mika@example',
    });
    expect(w.send(next).state).toBe('login.form');
    w.send({ type: 'user.login.field', field: 'email', value: ' mika@example.jp ' });
    expect(w.send(next).state).toBe('login.submitting');
    // what the provider gets: digits only, trimmed
    expect(w.spawnedInput('identify')).toEqual({
      channel: 'airport',
      method: 'iccid',
      username: '',
      email: 'mika@example.jp',
      iccid: ICCID_19,
      orderNumber: '',
    });
  });

  it('order: needs a valid order number and e-mail', () => {
    const w = atLogin('airport')
      .send({ type: 'user.login.method', method: 'order' })
      .send({ type: 'user.login.field', field: 'orderNumber', value: 'A1' })
      .send({ type: 'user.login.field', field: 'email', value: 'mika@example.jp' });
    expect(w.can(next)).toBe(false);
    w.send({ type: 'user.login.field', field: 'orderNumber', value: ' ORD-2026-1 ' }).send(next);
    expect(w.state).toBe('login.submitting');
    expect(w.spawnedInput('identify')).toMatchObject({ method: 'order', orderNumber: 'ORD-2026-1' });
  });

  it('submitting is busy and sends the channel, method and trimmed user name', () => {
    const w = fillAccount(atLogin(), '  mika ').send(next);
    expect(w.hasTag('busy')).toBe(true);
    expect(w.running).toEqual(['identify']);
    expect(w.spawnedInput('identify')).toEqual({ channel: 'online', method: 'account', username: 'mika', email: '', iccid: '', orderNumber: '' });
  });
});

describe('login: answers', () => {
  it('success signs in, resets the failures and loads the plans', () => {
    const w = fillAccount(atLogin());
    attempt(w);
    attempt(w);
    expect(w.ctx.login.failures).toBe(2);
    attempt(w, { type: 'provider.identified' });
    expect(w.state).toBe('plan.loading');
    expect(w.ctx.signedIn).toBe(true);
    expect(w.ctx.login.failures).toBe(0);
  });

  it('wrong credentials: back on the form with the error, counted', () => {
    const w = attempt(fillAccount(atLogin()));
    expect(w.state).toBe('login.form');
    expect(w.ctx.error).toEqual({ code: 'invalid-credentials', retryable: false });
    expect(w.ctx.login.failures).toBe(1);
    expect(w.ctx.signedIn).toBe(false);
  });

  it('a new attempt clears the previous error', () => {
    const w = attempt(fillAccount(atLogin())).send(next);
    expect(w.state).toBe('login.submitting');
    expect(w.ctx.error).toBeNull();
  });

  it.each([
    ['locked', false],
    ['network', true],
    ['rate-limited', true],
  ] as const)('%s: stays on the form with the error, not counted as a wrong password', (code, retryable) => {
    const w = attempt(fillAccount(atLogin()), err(code, retryable));
    expect(w.state).toBe('login.form');
    expect(w.ctx.error).toEqual({ code, retryable });
    expect(w.ctx.login.failures).toBe(0);
  });

  it('Retry resubmits the form', () => {
    const w = attempt(fillAccount(atLogin()), err('network', true));
    expect(w.send({ type: 'user.retry' }).state).toBe('login.submitting');
  });

  it('Retry is refused when the form is no longer valid', () => {
    const w = attempt(fillAccount(atLogin()), err('network', true)).send({ type: 'user.login.field', field: 'username', value: '' });
    expect(w.send({ type: 'user.retry' }).state).toBe('login.form');
  });

  it('Back while submitting stops the request', () => {
    const w = fillAccount(atLogin()).send(next).send(back);
    expect(w.state).toBe('channel');
    expect(w.running).toEqual([]);
  });
});

describe('login: cooldown after 5 wrong passwords in a row', () => {
  const cooled = () => {
    const w = fillAccount(atLogin());
    for (let i = 1; i <= 4; i++) {
      attempt(w);
      expect(w.state).toBe('login.form');
      expect(w.ctx.login.failures).toBe(i);
    }
    attempt(w);
    return w;
  };

  it('the fifth rejection pauses sign-in for 30 seconds', () => {
    const w = cooled();
    expect(w.state).toBe('login.cooldown');
    expect(w.ctx.login.failures).toBe(5);
    expect(w.ctx.login.cooldownLeft).toBe(LOGIN_COOLDOWN_S);
    expect(LOGIN_COOLDOWN_S).toBe(30);
    expect(w.ctx.error?.code).toBe('invalid-credentials');
    expect(w.scheduled()).toEqual([{ type: 'xstate.after.second.wizard.login.cooldown', delay: 1000 }]);
  });

  it('no attempt is possible during the pause', () => {
    const w = cooled();
    expect(w.can(next)).toBe(false);
    expect(w.can({ type: 'user.retry' })).toBe(false);
    expect(w.send(next).send({ type: 'user.retry' }).state).toBe('login.cooldown');
  });

  it('counts down one second at a time, then returns to the form', () => {
    const w = cooled();
    const seen: number[] = [];
    let waited = 0;
    while (w.state === 'login.cooldown') {
      waited += w.elapse();
      seen.push(w.ctx.login.cooldownLeft);
    }
    expect(waited).toBe(30_000);
    expect(seen).toEqual([...Array.from({ length: 29 }, (_, i) => 29 - i), 0]);
    expect(w.state).toBe('login.form');
    expect(w.can(next)).toBe(true);
  });

  it('a network error in between does not reset the count', () => {
    const w = fillAccount(atLogin());
    attempt(w);
    attempt(w);
    attempt(w, err('network', true));
    attempt(w);
    attempt(w);
    expect(w.ctx.login.failures).toBe(4);
    attempt(w);
    expect(w.state).toBe('login.cooldown');
  });

  it('Back and Next again does not skip the pause', () => {
    const w = cooled();
    w.elapse();
    w.elapse();
    expect(w.ctx.login.cooldownLeft).toBe(28);
    w.send(back);
    expect(w.state).toBe('channel');
    w.send(next);
    expect(w.state).toBe('login.cooldown');
    expect(w.ctx.login.cooldownLeft).toBe(28);
    expect(w.can(next)).toBe(false);
    expect(w.scheduled()).toEqual([{ type: 'xstate.after.second.wizard.login.cooldown', delay: 1000 }]);
  });

  it('sign-in works again after the pause, and success resets the failures', () => {
    const w = cooled();
    while (w.state === 'login.cooldown') w.elapse();
    attempt(w, { type: 'provider.identified' });
    expect(w.state).toBe('plan.loading');
    expect(w.ctx.login.failures).toBe(0);
    expect(w.ctx.login.cooldownLeft).toBe(0);
  });

  it('ignores a stale answer arriving during the pause', () => {
    const w = cooled().send({ type: 'provider.identified' });
    expect(w.state).toBe('login.cooldown');
    expect(w.ctx.signedIn).toBe(false);
  });

  it('the pause works the same for airport ICCID sign-in', () => {
    const w = atLogin('airport', { today: TODAY })
      .send({ type: 'user.login.field', field: 'iccid', value: ICCID_19 })
      .send({ type: 'user.login.field', field: 'email', value: 'mika@example.jp' });
    for (let i = 0; i < 5; i++) attempt(w);
    expect(w.state).toBe('login.cooldown');
  });
});
