import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { wizardMachine } from '../../src/machine/machine.js';

describe('smoke', () => {
  it('starts at validity', () => {
    const a = createActor(wizardMachine, { input: { today: '2026-11-26' } }).start();
    expect(a.getSnapshot().value).toBe('validity');
    a.send({ type: 'user.validity.set', mode: 'days', daysLeft: '3', today: '2026-11-26' });
    a.send({ type: 'user.next' });
    expect(a.getSnapshot().value).toBe('channel');
  });
});
