/** Where each troubleshooting check is done on the phone (labels from each locale's `os` glossary). */
import type { TroubleCheckId } from '../domain/troubleshooting-checks.js';
import type { PhonePaths } from './phone-paths.js';

/** Where each troubleshooting check is done. An empty list: the check needs no settings path. */
export const CHECK_PATHS: Record<TroubleCheckId, PhonePaths> = {
  coverage: { ios: [['settings', 'cellular', 'yourEsim']], android: [['settings', 'networkInternet', 'sims', 'yourEsim']] },
  'line-on': {
    ios: [['settings', 'cellular', 'yourEsim', 'turnOnLine']],
    android: [['settings', 'networkInternet', 'sims', 'yourEsim', 'useSim']],
  },
  'data-line': {
    ios: [
      ['settings', 'cellular', 'cellularData'],
      ['settings', 'cellular', 'cellularData', 'allowSwitching'],
    ],
    android: [['settings', 'networkInternet', 'sims', 'mobileData']],
  },
  roaming: {
    ios: [['settings', 'cellular', 'yourEsim', 'cellularDataOptions', 'dataRoaming']],
    android: [['settings', 'networkInternet', 'sims', 'yourEsim', 'roaming']],
  },
  airplane: {
    ios: [
      ['settings', 'airplaneMode'],
      ['controlCenter', 'airplaneMode'],
    ],
    android: [['quickSettings', 'airplaneMode']],
  },
  restart: { ios: [], android: [] },
  'network-selection': {
    ios: [['settings', 'cellular', 'yourEsim', 'networkSelection', 'automatic']],
    android: [['settings', 'networkInternet', 'sims', 'yourEsim', 'autoSelectNetwork']],
  },
  apn: {
    ios: [['settings', 'cellular', 'yourEsim', 'cellularDataNetwork']],
    android: [['settings', 'networkInternet', 'sims', 'yourEsim', 'apn']],
  },
  'carrier-update': { ios: [['settings', 'general', 'about']], android: [['settings', 'system', 'softwareUpdate']] },
  'wait-and-retry': { ios: [['settings', 'cellular', 'cellularData']], android: [['quickSettings', 'mobileData']] },
};
