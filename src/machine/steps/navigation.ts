/**
 * Transitions shared between steps: where Back leads when questions are skipped, jumping back
 * through the progress list, and going on after a session had to be renewed.
 */
import { and } from 'xstate';
import type { ResumeStep } from '../context.js';
import type { StepId } from '../../domain/types.js';

/** Back from sign-in: to the channel question, or past it when the host fixed the channel. */
export const backBeforeLogin = [{ guard: 'channelSkipped', target: '#wizard.validity' }, { target: '#wizard.channel' }] as const;

/** Back from the plans: to sign-in, or past every question the host answered. */
export const backBeforePlan = [
  { guard: and(['loginSkipped', 'channelSkipped']), target: '#wizard.validity' },
  { guard: 'loginSkipped', target: '#wizard.channel' },
  { target: '#wizard.login' },
] as const;

/** Jumps back to earlier steps (a step in the progress list), as far as this person went through them. */
export const gotoEarlier = (...steps: StepId[]) => ({
  'user.goto': steps.map((step) => ({
    guard: { type: 'canGoTo', params: { step } } as const,
    target: step === 'plan' ? '#wizard.plan.choosing' : `#wizard.${step}`,
  })),
});

/**
 * A call failed because the session expired: remember the step, then ask to sign in again, or
 * wait for the host to renew its session. Put first in an invoke's `onError`.
 */
export const onSessionExpired = (step: ResumeStep) =>
  [
    {
      guard: and(['sessionExpired', 'loginSkipped']),
      target: '#wizard.login.awaitingHost',
      actions: { type: 'sessionEnded', params: { step } } as const,
    },
    {
      guard: 'sessionExpired',
      target: '#wizard.login.form',
      actions: ['recordError', { type: 'sessionEnded', params: { step } }] as const,
    },
  ] as const;

/** Once signed in again (by the person or the host), on to where the session expired, or to the plans. */
export const resume = [
  // "I already paid: check my order": find the order, then go on where it stands.
  { guard: 'lookingUp', target: '#wizard.payment.reconciling' },
  { guard: { type: 'resumeAt', params: { step: 'reconcile' } } as const, target: '#wizard.payment.reconciling' },
  // A cash voucher still open: back to waiting for it, not to a screen that could pay again.
  { guard: 'resumeAtOpenVoucher', target: '#wizard.payment.awaitingCash' },
  { guard: { type: 'resumeAt', params: { step: 'payment' } } as const, target: '#wizard.payment' },
  { guard: { type: 'resumeAt', params: { step: 'activation' } } as const, target: '#wizard.activation' },
  { guard: { type: 'resumeAt', params: { step: 'troubleshooting' } } as const, target: '#wizard.troubleshooting' },
  { target: '#wizard.plan' },
] as const;
