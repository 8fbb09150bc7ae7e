/**
 * The checks to run when a plan does not come alive, in the order that fixes most cases first
 * (see the guide's domain notes). "Do not delete the eSIM" is a standing warning, not a check;
 * contacting support is the escalation after the last one.
 */
export const TROUBLE_CHECKS = [
  'coverage',
  'line-on',
  'data-line',
  'roaming',
  'airplane',
  'restart',
  'network-selection',
  'apn',
  'carrier-update',
  'wait-and-retry',
] as const;
export type TroubleCheckId = (typeof TROUBLE_CHECKS)[number];
