/**
 * src/providers/abort.ts: `AbortSignal.any` and `AbortSignal.timeout`, the browser's own where
 * it has them, the fallback where it does not. Node has both, so the fallback tests take the
 * native one away for their duration (./without-abort-signal.ts).
 */
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { anySignal } from '../../src/providers/abort.js';
import { withoutAbortSignal } from './without-abort-signal.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** How many times `signal` fires `abort` from now on. */
function abortEvents(signal: AbortSignal): { readonly count: number } {
  const seen = { count: 0 };
  signal.addEventListener('abort', () => seen.count++);
  return seen;
}

describe('anySignal', () => {
  it('uses the native AbortSignal.any where there is one', () => {
    const native = vi.spyOn(AbortSignal, 'any');
    const signals = [new AbortController().signal, new AbortController().signal];
    const combined = anySignal(signals);
    expect(native).toHaveBeenCalledWith(signals);
    expect(combined).toBe(native.mock.results[0]!.value);
  });

  describe('without AbortSignal.any (iOS and Safari before 17.4, Firefox before 124)', () => {
    let putBack: () => void;
    beforeEach(() => {
      putBack = withoutAbortSignal('any');
    });
    afterEach(() => putBack());

    it('runs without the native one', () => {
      expect((AbortSignal as Partial<typeof AbortSignal>).any).toBeUndefined();
      expect(anySignal([new AbortController().signal]).aborted).toBe(false);
    });

    it('aborts once, with the reason of the first signal to abort', () => {
      const first = new AbortController();
      const second = new AbortController();
      const combined = anySignal([first.signal, second.signal]);
      const events = abortEvents(combined);
      expect(combined.aborted).toBe(false);
      const reason = new Error('the person went back');
      second.abort(reason);
      first.abort(new Error('later, and ignored'));
      expect(combined.aborted).toBe(true);
      expect(combined.reason).toBe(reason);
      expect(events.count).toBe(1);
    });

    it('an input aborted already: aborted from the start, with the reason of the first such input', () => {
      const live = new AbortController();
      const aborted = new AbortController();
      aborted.abort('too late');
      const alsoAborted = new AbortController();
      alsoAborted.abort('also too late');
      const combined = anySignal([live.signal, aborted.signal, alsoAborted.signal]);
      expect(combined.aborted).toBe(true);
      expect(combined.reason).toBe('too late');
      // Nothing is listened to: there is nothing left to wait for.
      expect(getEventListeners(live.signal, 'abort')).toHaveLength(0);
    });

    it('takes its listeners off every input once one aborts, so a long-lived signal does not keep it', () => {
      const wizard = new AbortController();
      const attempt = new AbortController();
      anySignal([wizard.signal, attempt.signal]);
      expect(getEventListeners(wizard.signal, 'abort')).toHaveLength(1);
      expect(getEventListeners(attempt.signal, 'abort')).toHaveLength(1);
      attempt.abort();
      expect(getEventListeners(wizard.signal, 'abort')).toHaveLength(0);
      expect(getEventListeners(attempt.signal, 'abort')).toHaveLength(0);
    });

    it('of no signals: never aborts, as the native one', () => {
      expect(anySignal([]).aborted).toBe(false);
    });
  });
});
