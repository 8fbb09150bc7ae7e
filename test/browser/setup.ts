/**
 * Every browser test starts without saved progress: wizards in one test file share the page's
 * address, so one test's saved step would otherwise be resumed by the next test's wizard.
 */
import { afterEach, beforeEach } from 'vitest';

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());
