/**
 * Where things are on the phone, as sequences of the phone's own labels. The labels themselves
 * live in each locale's `os` glossary, quoted as the phone shows them in that language
 * (a Japanese iPhone says 設定 → モバイル通信, not a translation of "Cellular").
 */
import type { Platform } from '../machine/types.js';
import type { TroubleCheckId } from '../machine/troubleshooting-checks.js';

export const IOS_LABELS = [
  'settings',
  'cellular',
  'sims',
  'yourEsim',
  'turnOnLine',
  'cellularData',
  'allowSwitching',
  'cellularDataOptions',
  'dataRoaming',
  'cellularDataNetwork',
  'networkSelection',
  'automatic',
  'general',
  'about',
  'airplaneMode',
  'controlCenter',
] as const;
export type IosLabel = (typeof IOS_LABELS)[number];

export const ANDROID_LABELS = [
  'settings',
  'networkInternet',
  'sims',
  'yourEsim',
  'useSim',
  'mobileData',
  'roaming',
  'airplaneMode',
  'quickSettings',
  'autoSelectNetwork',
  'apn',
  'system',
  'softwareUpdate',
  'connections',
  'simManager',
] as const;
export type AndroidLabel = (typeof ANDROID_LABELS)[number];

export interface PhonePaths {
  readonly ios: readonly (readonly IosLabel[])[];
  readonly android: readonly (readonly AndroidLabel[])[];
}

/** Where to read the time left (first step). Android lists Pixel first, then Samsung. */
export const VALIDITY_PATHS: PhonePaths = {
  ios: [['settings', 'cellular', 'yourEsim']],
  android: [
    ['settings', 'networkInternet', 'sims', 'yourEsim'],
    ['settings', 'connections', 'simManager', 'yourEsim'],
  ],
};

/** Where each troubleshooting check is done. An empty list: the check needs no settings path. */
export const CHECK_PATHS: Record<TroubleCheckId, PhonePaths> = {
  coverage: { ios: [['settings', 'cellular', 'yourEsim']], android: [['settings', 'networkInternet', 'sims', 'yourEsim']] },
  'line-on': {
    ios: [['settings', 'cellular', 'yourEsim', 'turnOnLine']],
    android: [['settings', 'networkInternet', 'sims', 'yourEsim', 'useSim']],
  },
  'data-line': {
    ios: [['settings', 'cellular', 'cellularData'], ['settings', 'cellular', 'cellularData', 'allowSwitching']],
    android: [['settings', 'networkInternet', 'sims', 'mobileData']],
  },
  roaming: {
    ios: [['settings', 'cellular', 'yourEsim', 'cellularDataOptions', 'dataRoaming']],
    android: [['settings', 'networkInternet', 'sims', 'yourEsim', 'roaming']],
  },
  airplane: { ios: [['settings', 'airplaneMode'], ['controlCenter', 'airplaneMode']], android: [['quickSettings', 'airplaneMode']] },
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

export function pathsFor(paths: PhonePaths, platform: Platform): readonly (readonly string[])[] {
  return platform === 'ios' ? paths.ios : paths.android;
}
