/**
 * Every browser test starts without saved progress: wizards in one test file share the page's
 * address, so one test's saved step would otherwise be resumed by the next test's wizard.
 *
 * And every browser test runs on the same day, whatever day it is: `Date` starts at
 * `FIXED_NOW` when the test file loads and then moves on with real time, so "today", the
 * demo accounts' expiry dates and the dates the tests type are always the same days. (Timers
 * stay real; the wizard's own timers run on the XState clock each test gives it.)
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { FIXED_NOW } from '../../src/testing/dates.js';

vi.useFakeTimers({ toFake: ['Date'], now: FIXED_NOW, shouldAdvanceTime: true });

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());
