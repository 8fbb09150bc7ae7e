/** The lean `setup` gives only what the machine uses; the machine's modules use nothing else. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEAN_SETUP_MEMBERS } from '../../../src/machine/lean-setup.js';
import { wizardSetup } from '../../../src/machine/setup.js';

const dir = new URL('../../../src/machine/', import.meta.url);
const sources = [
  ...readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8')),
  ...readdirSync(new URL('steps/', dir)).map((f) => readFileSync(new URL(`steps/${f}`, dir), 'utf8')),
];

describe('lean setup', () => {
  it('has exactly the members the machine uses', () => {
    expect(Object.keys(wizardSetup).sort()).toEqual([...LEAN_SETUP_MEMBERS].sort());
  });

  it('no machine module uses another setup member (it would be undefined at run time)', () => {
    const used = new Set(sources.flatMap((s) => [...s.matchAll(/wizardSetup\.(\w+)/g)].map((m) => m[1])));
    expect([...used].filter((m) => !(LEAN_SETUP_MEMBERS as readonly string[]).includes(m!))).toEqual([]);
  });
});
