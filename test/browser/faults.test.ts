/**
 * Nothing lost, never charged twice: every fault the HTTP provider can report, injected into
 * every provider call the flows make, at the provider seam (a 0-latency demo provider behind a
 * FaultyProvider that throws what the HttpProvider would). For each case: the wizard shows the
 * catalog's message for the error code in an alert (and, for a sample, in Japanese); the screen's
 * own retry (or signing in again, after a 401, at the same step) works once the fault has
 * cleared; and the flow ends at `done` with one order and one charge.
 *
 * `network` and `timeout` lose the answer after the provider did its work (the riskiest case: a
 * charge was taken and the wizard does not know); the others refuse the call before it, as the
 * reference server's fault switch does. The table is in fault-cases.ts; faults-regressions.test.ts
 * keeps the cases that once showed product bugs, told as stories.
 */
import { describe, it } from 'vitest';
import { FAULTS } from '../../src/testing/faulty-provider.js';
import { CALLS, FAULT_CASES, caseName, runFaultCase } from './fault-cases.js';

const CASES = FAULT_CASES;
console.log(`fault cases: ${CASES.length} (${FAULTS.length} faults × ${CALLS.length} provider calls; ${CASES.filter((c) => c.ja).length} also in ja)`);

describe(`every fault × every provider call (${CASES.length} cases)`, () => {
  it.each(CASES.map((c) => ({ ...c, name: caseName(c) })))('$name', runFaultCase);
});
