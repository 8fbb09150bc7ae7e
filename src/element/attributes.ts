/**
 * Attribute values the element cannot use are not errors that break rendering: each gets one
 * console warning naming the attribute and what it accepts, and the default is used instead.
 */
import type { PropertyValues } from 'lit';
import { CHANNELS } from '../domain/types.js';
import { ACTIVATION_SCENARIOS } from '../domain/codes.js';

const ACCEPTED: Record<string, { attribute: string; values: readonly string[] }> = {
  channel: { attribute: 'channel', values: CHANNELS },
  demoScenario: { attribute: 'demo-scenario', values: ACTIVATION_SCENARIOS },
  theme: { attribute: 'theme', values: ['light', 'dark', 'auto'] },
};

const warned = new WeakMap<object, Set<string>>();

export function checkAttributes(el: object, changed: PropertyValues): void {
  for (const [property, { attribute, values }] of Object.entries(ACCEPTED)) {
    if (!changed.has(property)) continue;
    const raw = (el as Record<string, unknown>)[property];
    // Empty means "not set": the default, silently.
    if (raw === null || raw === undefined || raw === '') continue;
    // (Attributes are strings; a property set to anything else is reported as JSON would show it.)
    const value = typeof raw === 'string' ? raw : JSON.stringify(raw);
    if (values.includes(value)) continue;
    const seen = warned.get(el) ?? new Set<string>();
    warned.set(el, seen);
    const key = `${attribute}=${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    console.warn(`<esim-renewal-wizard>: ${attribute}="${value}" is not one of ${values.join(', ')}; using the default.`);
  }
}
