// Builds what the benchmark measures, into bench/dist/ (git-ignored, never shipped):
//   bench/dist/embed  the embed, with vite.embed.config.ts exactly as `npm run build:embed` uses it
//   bench/dist/floor  the floor (bench/floor/floor.ts), with the same config (bench/vite.floor.config.ts)
//   bench/dist/app    the standalone page, with vite.config.ts as `npm run build:app` uses it
// A measuring plugin records each chunk's modules (generateBundle → chunk.modules); it changes no output.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, minifySync } from 'vite';

export const OUT = 'bench/dist';
export const EMBED_DIR = `${OUT}/embed`;
export const FLOOR_DIR = `${OUT}/floor`;
export const APP_DIR = `${OUT}/app`;
/** The embed again, with source maps: for the profile (`--only=profile`) only. */
export const MAPPED_DIR = `${OUT}/embed-mapped`;
export const EMBED_ENTRY = 'esim-renewal-wizard.js';
export const FLOOR_ENTRY = 'floor.js';

/** Each chunk's modules as rolldown rendered them (before chunk minification). */
function moduleRecorder(sink) {
  return {
    name: 'bench-module-cost',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        sink[out.fileName] = Object.entries(out.modules).map(([id, m]) => ({ id, renderedLength: m.renderedLength, code: m.code ?? '' }));
      }
    },
  };
}

export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
export const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;

export function sizesOf(bytes) {
  return { raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
}

/** A module id as a short, readable name: `src/…`, `lit-html/lit-html.js`, `xstate/…`. */
export function shortId(id) {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return clean.slice(nm + 'node_modules/'.length);
  return relative(process.cwd(), clean) || clean;
}

/**
 * Where a module belongs: its package (`lit-html`, `@lit/reactive-element`, `xstate`), or for our
 * own code its folder (`src/machine`, `src/element`, …; a file at the top of src/ by itself).
 */
export function packageOf(short) {
  if (/^(src|bench)\//.test(short)) {
    const parts = short.split('/');
    return parts.length > 2 ? `${parts[0]}/${parts[1]}` : short;
  }
  if (!short.startsWith('.') && !short.startsWith('/')) {
    const parts = short.split('/');
    return short.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return short;
}

/** Per-module cost: rendered length, gzip of the rendered code, and a standalone-minified estimate. */
function moduleCosts(modules) {
  return modules
    .filter((m) => m.renderedLength > 0)
    .map((m) => {
      const short = shortId(m.id);
      let min = m.code;
      try {
        // Whitespace and local names only: top-level names are shared with other modules of the chunk.
        min = minifySync(`${short.replace(/[^\w.-]/g, '_')}.js`, m.code, { compress: false, mangle: { toplevel: false }, module: true }).code;
      } catch {
        // keep the rendered code
      }
      return {
        module: short,
        package: packageOf(short),
        renderedLength: m.renderedLength,
        renderedGzip: gzip(Buffer.from(m.code)),
        minifiedEstimate: Buffer.byteLength(min),
        minifiedEstimateGzip: gzip(Buffer.from(min)),
      };
    })
    .sort((a, b) => b.renderedGzip - a.renderedGzip);
}

function byPackage(costs) {
  const groups = new Map();
  for (const c of costs) {
    const g = groups.get(c.package) ?? { package: c.package, modules: 0, renderedLength: 0, renderedGzip: 0, minifiedEstimate: 0, minifiedEstimateGzip: 0 };
    g.modules += 1;
    g.renderedLength += c.renderedLength;
    g.renderedGzip += c.renderedGzip;
    g.minifiedEstimate += c.minifiedEstimate;
    g.minifiedEstimateGzip += c.minifiedEstimateGzip;
    groups.set(c.package, g);
  }
  return [...groups.values()].sort((a, b) => b.minifiedEstimate - a.minifiedEstimate);
}

/** Whether a built chunk has static imports (`import … from`, `import "…"`), dynamic ones aside. */
function staticImports(code) {
  return [...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{][^;]*?from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => m[1]);
}

function describeDir(dir, entry, modules) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const chunk = (file) => {
    const bytes = readFileSync(join(dir, file));
    const costs = moduleCosts(modules[file] ?? []);
    return { file, ...sizesOf(bytes), staticImports: staticImports(bytes.toString()), modules: costs, packages: byPackage(costs) };
  };
  return {
    entry: chunk(entry),
    lazy: files
      .filter((f) => f !== entry)
      .sort()
      .map(chunk),
  };
}

/** The embed as `buildAll` builds it, with source maps, into MAPPED_DIR. */
export async function buildMapped() {
  await build({ configFile: 'vite.embed.config.ts', logLevel: 'warn', build: { outDir: MAPPED_DIR, sourcemap: true } });
}

/** Runs the three builds; returns the size figures of the embed and the floor. */
export async function buildAll({ log = console.log } = {}) {
  const started = performance.now();
  const embedModules = {};
  const floorModules = {};
  await build({ configFile: 'vite.embed.config.ts', logLevel: 'warn', build: { outDir: EMBED_DIR }, plugins: [moduleRecorder(embedModules)] });
  await build({ configFile: 'bench/vite.floor.config.ts', logLevel: 'warn', plugins: [moduleRecorder(floorModules)] });
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: APP_DIR, emptyOutDir: true } });
  log(`built embed, floor and app into ${OUT}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    embed: describeDir(EMBED_DIR, EMBED_ENTRY, embedModules),
    floor: describeDir(FLOOR_DIR, FLOOR_ENTRY, floorModules),
  };
}
