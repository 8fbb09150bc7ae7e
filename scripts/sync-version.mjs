// Writes package.json's version into src/version.ts. Run by npm's `version` lifecycle script,
// so `npm version <bump>` keeps the two equal (test/unit/package.test.ts checks that they are).
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const file = new URL('src/version.ts', root);
const source = readFileSync(file, 'utf8');
const next = source.replace(/export const VERSION = '[^']*';/, `export const VERSION = '${version}';`);
if (!next.includes(`'${version}'`)) throw new Error("src/version.ts: no `export const VERSION = '…';` line to update");
if (next !== source) writeFileSync(file, next);
console.log(`src/version.ts: ${version}`);
