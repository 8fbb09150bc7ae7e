/** The README's embed snippet carries the integrity hash of the entry as built from this tree. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRY, sri } from '../../scripts/sri.mjs';
import { EMBED, ROOT, requireBuilt } from './built.js';

describe('README embed snippet', () => {
  it('has the SRI hash of the built entry (npm run readme:sri updates it)', () => {
    const built = sri(readFileSync(requireBuilt(`${EMBED}${ENTRY}`, 'npm run build:embed')));
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const hashes = [...readme.matchAll(/integrity="(sha384-[A-Za-z0-9+/=]+)"/g)].map((m) => m[1]);
    expect(hashes.length).toBeGreaterThan(0);
    for (const h of hashes) expect(h).toBe(built);
  });
});
