/** scripts/compile-hints.ts: the hint goes first in entry chunks only, and a source map follows it down a line. */
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints } from '../../scripts/compile-hints.js';

type Out = { type: 'chunk'; isEntry: boolean; fileName: string; code: string } | { type: 'asset'; fileName: string; source: string };

function run(bundle: Record<string, Out>): Record<string, Out> {
  const hook = (compileHints().generateBundle as unknown as { handler: (options: unknown, bundle: Record<string, Out>) => void }).handler;
  hook.call({}, {}, bundle);
  return bundle;
}

describe('compileHints', () => {
  it('puts the hint on the first line of entry chunks only', () => {
    const out = run({
      'entry.js': { type: 'chunk', isEntry: true, fileName: 'entry.js', code: 'export const a=1;' },
      'lazy.js': { type: 'chunk', isEntry: false, fileName: 'lazy.js', code: 'export const b=2;' },
    });
    expect((out['entry.js'] as { code: string }).code).toBe(`${COMPILE_HINT}\nexport const a=1;`);
    expect((out['lazy.js'] as { code: string }).code).toBe('export const b=2;');
  });

  it("moves the entry's source map down one line with it", () => {
    const out = run({
      'entry.js': { type: 'chunk', isEntry: true, fileName: 'entry.js', code: 'a();\nb();' },
      'entry.js.map': { type: 'asset', fileName: 'entry.js.map', source: JSON.stringify({ version: 3, sources: ['x.ts'], mappings: 'AAAA;AACA' }) },
    });
    expect(JSON.parse((out['entry.js.map'] as { source: string }).source)).toEqual({ version: 3, sources: ['x.ts'], mappings: ';AAAA;AACA' });
  });
});
