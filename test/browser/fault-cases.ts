/**
 * The fault table (every fault × every provider call the flows make) and how one case runs:
 * used by the suite (faults.test.ts).
 */
import { expect } from '@open-wc/testing';
import type { StepId } from '../../src/domain/types.js';
import { FAULTS, FAULT_CODES, type Fault, type Injected } from '../../src/testing/faulty-provider.js';
import type { ProviderMethod } from '../../src/testing/scripted-provider.js';
import { drive, en, expectFaultMessage, mountFaulty, type FaultyMount, type Flow } from './faults-helpers.js';
import { state } from './flows-helpers.js';

/** Every call the flows make, the flow that makes it, and the step it is made on. */
export const CALLS: readonly { call: ProviderMethod; flow: Flow; step: StepId }[] = [
  { call: 'identify', flow: 'card', step: 'login' },
  { call: 'accountStatus', flow: 'card', step: 'plan' },
  { call: 'plans', flow: 'card', step: 'plan' },
  { call: 'createOrder', flow: 'card', step: 'payment' },
  { call: 'tokenizeCard', flow: 'card', step: 'payment' },
  { call: 'pay', flow: 'card', step: 'payment' },
  { call: 'authenticatePayment', flow: '3ds', step: 'payment' },
  { call: 'paymentStatus', flow: 'cash', step: 'payment' },
  { call: 'activationStatus', flow: 'card', step: 'activation' },
  { call: 'supportRequest', flow: 'support', step: 'troubleshooting' },
  { call: 'orderStatus', flow: 'reconcile', step: 'payment' },
  { call: 'lookupOrder', flow: 'lookup', step: 'payment' },
];

/** Faults whose answer is lost after the provider acted (a charge taken, and the wizard not told). */
const AFTER: ReadonlySet<Fault> = new Set(['network', 'timeout']);

export interface FaultCase {
  readonly call: ProviderMethod;
  readonly flow: Flow;
  readonly step: StepId;
  readonly fault: Fault;
  readonly after: boolean;
  /** Also checked in Japanese. */
  readonly ja: boolean;
}

/** The whole table, fault by fault. A diagonal (each fault once, each on another call) is also checked in Japanese. */
export const FAULT_CASES: readonly FaultCase[] = FAULTS.flatMap((fault, f) =>
  CALLS.map((c, i) => ({ ...c, fault, after: AFTER.has(fault), ja: (f + i) % CALLS.length === 0 })),
);

export const caseName = (c: Pick<FaultCase, 'call' | 'fault'>): string => `${c.call} × ${c.fault}`;

/**
 * Runs the case's flow to the end. `lookup`: the first tab pays (the charge is taken, the answer
 * never arrives) and is closed; on another device, "I already paid: check my order" finds it.
 */
async function run(m: FaultyMount, flow: Flow, onFault: (i: Injected, at: FaultyMount) => Promise<void>): Promise<{ end: FaultyMount; alerts: string[] }> {
  if (flow === 'reconcile') m.provider.holdAnswer('pay');
  if (flow !== 'lookup') return { end: m, alerts: (await drive(m, { flow, onFault: (i) => onFault(i, m) })).alerts };
  m.provider.holdAnswer('pay');
  const first = await drive(m, { flow: 'card', until: () => m.provider.held > 0 });
  m.el.remove();
  localStorage.clear();
  const other = await mountFaulty({ provider: m.provider });
  const second = await drive(other, { flow: 'lookup', reference: m.provider.orders[0]!.reference, onFault: (i) => onFault(i, other) });
  return { end: other, alerts: [...first.alerts, ...second.alerts] };
}

/**
 * One case: the fault is hit once, on its call; its message (the catalog's for the error code)
 * is the only alert shown, once; after a 401 the wizard asks to sign in again and goes on at the
 * same step; the flow ends at `done` with one order, one charge and one completion.
 */
export async function runFaultCase({ call, flow, step, fault, after, ja }: FaultCase): Promise<void> {
  const m = await mountFaulty();
  m.provider.inject(call, { fault, after });
  const seen: Injected[] = [];
  let stepsAtFault = -1;
  let stateAtFault = '';
  const { end, alerts } = await run(m, flow, async (injected, at) => {
    seen.push(injected);
    stepsAtFault = at.events.steps.length;
    stateAtFault = state(at.el);
    await expectFaultMessage(at.el, injected);
    if (ja) await expectFaultMessage(at.el, injected, 'ja');
  });

  expect(seen).to.deep.equal([{ method: call, fault, after }]);
  expect(m.provider.pending).to.equal(0);
  expect(alerts, 'alerts shown').to.deep.equal([`${stateAtFault}: ${en.errors[FAULT_CODES[fault]]}`]);
  if (fault === '401' && step !== 'login') {
    expect(end.events.steps.slice(stepsAtFault - 1, stepsAtFault + 1), 'signed in again, then on at the same step').to.deep.equal([
      { from: step, to: 'login' },
      { from: 'login', to: step },
    ]);
  }

  expect(state(end.el)).to.equal('done');
  expect(m.provider.orders).to.have.length(1);
  expect(m.demo.chargeCount(m.provider.orders[0]!.orderId)).to.equal(1);
  expect(end.events.completes.map((c) => c.orderReference)).to.deep.equal([m.provider.orders[0]!.reference]);
}
