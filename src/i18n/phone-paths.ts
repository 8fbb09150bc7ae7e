/**
 * Where things are on the phone, as sequences of the phone's own labels. The labels themselves
 * live in each locale's `os` glossary, quoted as the phone shows them in that language
 * (a Japanese iPhone says 設定 → モバイル通信, not a translation of "Cellular").
 */
import type { Platform } from '../domain/types.js';

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

export function pathsFor(paths: PhonePaths, platform: Platform): readonly (readonly string[])[] {
  return platform === 'ios' ? paths.ios : paths.android;
}
