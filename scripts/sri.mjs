// Prints the embed build's files with their sizes (raw and gzip) and the Subresource Integrity
// hash (sha384) of the entry, ready for a <script type="module" integrity="…" crossorigin> tag.
//   node scripts/sri.mjs [dir]      (default dist/embed)
//   node scripts/sri.mjs --json     machine-readable
//   node scripts/sri.mjs --readme   also writes the hash into README.md's embed snippet
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ENTRY = 'esim-renewal-wizard.js';

export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** Every file under `dir`, entry first, with raw and gzip sizes and its sha384 integrity. */
export function embedFiles(dir = 'dist/embed') {
  const walk = (d) => readdirSync(d).flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [join(d, name)]));
  return walk(dir)
    .map((path) => {
      const bytes = readFileSync(path);
      return { file: relative(dir, path).split('\\').join('/'), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, integrity: sri(bytes) };
    })
    .sort((a, b) => (a.file === ENTRY ? -1 : b.file === ENTRY ? 1 : a.file.localeCompare(b.file)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? 'dist/embed';
  const files = embedFiles(dir);
  const entry = files.find((f) => f.file === ENTRY);
  if (!entry) {
    console.error(`${dir}/${ENTRY} not found: run \`npm run build:embed\` first.`);
    process.exit(1);
  }
  if (args.includes('--readme')) {
    const readme = readFileSync('README.md', 'utf8');
    const updated = readme.replace(/integrity="sha384-[A-Za-z0-9+/=]+"/g, `integrity="${entry.integrity}"`);
    if (updated !== readme) writeFileSync('README.md', updated);
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify({ entry: entry.file, integrity: entry.integrity, files }, null, 2));
  } else {
    const kb = (n) => `${(n / 1024).toFixed(2)} KiB`.padStart(11);
    console.log(`${dir}/`);
    for (const f of files) console.log(`  ${f.file.padEnd(34)} ${kb(f.raw)}   gzip ${kb(f.gzip)}`);
    const js = files.filter((f) => f.file.endsWith('.js'));
    console.log(`  ${'all JavaScript'.padEnd(34)} ${kb(js.reduce((s, f) => s + f.raw, 0))}   gzip ${kb(js.reduce((s, f) => s + f.gzip, 0))}`);
    console.log(`\nSRI of ${ENTRY}: ${entry.integrity}`);
    console.log(`<script type="module" src=".../${ENTRY}" integrity="${entry.integrity}" crossorigin="anonymous"></script>`);
  }
}
