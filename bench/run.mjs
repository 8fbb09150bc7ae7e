// The benchmark: `npm run bench` (full: 20 cold runs per start-up figure, 1000 samples per
// transition figure, Lighthouse) or `npm run bench -- --quick` (5 runs, 200 samples, no
// Lighthouse). Further options: --runs=N --samples=N --no-lighthouse, and for iterating on one
// part --only=startup,phases,transitions,memory,lighthouse (size is always measured; budgets of the
// parts left out are not judged). Not part of the full run: --only=hint compares the embed entry
// with and without its compile hint; --only=profile shows where (b) goes, by module and function.
//
// Builds the embed, the floor (bench/floor/floor.ts, built with the embed's config) and the
// standalone page into bench/dist/, measures them in headless Chromium, prints every figure with
// PASS/FAIL against its budget, writes bench/results/latest.json, and exits 1 when a budget fails.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { APP_DIR, buildAll, buildMapped, EMBED_DIR, EMBED_ENTRY, FLOOR_DIR, MAPPED_DIR, packageOf, shortId } from './build.mjs';
import { EMBED_SRC, memoryPage, phasesPage, profilePage, startupPage, transitionsPage } from './pages.mjs';
import { startServer } from './server.mjs';

const benchStarted = performance.now();
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const RUNS = option('runs', quick ? 5 : 20);
const SAMPLES = option('samples', quick ? 200 : 1000);
const ONLY = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (part) => !ONLY || ONLY.includes(part);
/** The compile hint's A/B runs only when asked for (`--only=hint`). */
const HINT = ONLY?.includes('hint') ?? false;
/** Likewise the profile of (b) by code (`--only=profile`). */
const PROFILE = ONLY?.includes('profile') ?? false;
const LIGHTHOUSE = !quick && !args.includes('--no-lighthouse') && wanted('lighthouse');
const WARMUP_CYCLES = 50;
const MEMORY_STEPS = [500, 1000];
const THROTTLES = [1, 4];
const LANGS = ['en', 'ko'];

const BUDGET = {
  entryGzip: 32_650, // as test/unit/embed.test.ts has it
  startupRatio: 2,
  stepMedianMs: 1,
  keyMedianMs: 0.3,
  heapRatio: 1.05,
  lighthouse: 100,
};

// ---------------------------------------------------------------------------------------------
// Small helpers

const sortNum = (a) => [...a].sort((x, y) => x - y);
function median(a) {
  const s = sortNum(a);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile. */
function percentile(a, p) {
  const s = sortNum(a);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const summary = (a) => ({ n: a.length, median: median(a), min: Math.min(...a), max: Math.max(...a), p95: percentile(a, 95) });
const ms = (n, digits = 1) => `${n.toFixed(digits)} ms`;
const bytes = (n) => n.toLocaleString('en-US');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const log = (...a) => console.log(...a);

function machineInfo(chromiumVersion) {
  let cpu = 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    cpu = cpus()[0]?.model ?? cpu;
  }
  return {
    cpu,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    chromium: chromiumVersion,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

const budgets = [];
function budget(name, value, limit, ok, detail = '') {
  budgets.push({ name, value, limit, pass: ok, detail });
  return ok;
}

// ---------------------------------------------------------------------------------------------
// 1. Size

function printSizes(size) {
  const { embed, floor } = size;
  const e = embed.entry;
  log('\n1. SIZE (minified bytes; gzip -9; brotli quality 11)');
  log(`   ${pad('file', 34)} ${lpad('raw', 9)} ${lpad('gzip', 9)} ${lpad('brotli', 9)}`);
  const row = (label, c) => log(`   ${pad(label, 34)} ${lpad(bytes(c.raw), 9)} ${lpad(bytes(c.gzip), 9)} ${lpad(bytes(c.brotli), 9)}`);
  row(`${e.file} (initial)`, e);
  for (const c of embed.lazy) row(`  lazy ${c.file}`, c);
  row(`floor ${floor.entry.file}`, floor.entry);
  log(
    `   entry's static imports: ${e.staticImports.length ? e.staticImports.join(', ') : 'none'}; gzip ratio to floor ${(e.gzip / floor.entry.gzip).toFixed(2)}×`,
  );
  log(
    `   ${verdict(e.gzip <= BUDGET.entryGzip)}  initial embed JS ${bytes(e.gzip)} B gzip ≤ ${bytes(BUDGET.entryGzip)} B (headroom ${bytes(BUDGET.entryGzip - e.gzip)} B)`,
  );
  budget('initial embed JS (gzip bytes)', e.gzip, BUDGET.entryGzip, e.gzip <= BUDGET.entryGzip);

  log(`\n   Entry by package / source folder (rendered = module code before chunk minification; gzip of each module alone, summed)`);
  log(`   ${pad('part', 26)} ${lpad('modules', 7)} ${lpad('rendered', 9)} ${lpad('gzip', 7)} ${lpad('min est.', 9)} ${lpad('min gz', 7)} ${lpad('share', 6)}`);
  const totalMin = e.packages.reduce((s, p) => s + p.minifiedEstimate, 0);
  for (const p of e.packages) {
    log(
      `   ${pad(p.package, 26)} ${lpad(p.modules, 7)} ${lpad(bytes(p.renderedLength), 9)} ${lpad(bytes(p.renderedGzip), 7)} ${lpad(bytes(p.minifiedEstimate), 9)} ${lpad(bytes(p.minifiedEstimateGzip), 7)} ${lpad(`${((100 * p.minifiedEstimate) / totalMin).toFixed(0)}%`, 6)}`,
    );
  }
  log(`   floor: ${floor.entry.packages.map((p) => `${p.package} ${bytes(p.minifiedEstimate)}`).join(', ')} (min est.)`);
  log(`\n   Entry's top modules (by gzip of the module's rendered code)`);
  log(`   ${pad('module', 50)} ${lpad('rendered', 9)} ${lpad('gzip', 7)} ${lpad('min est.', 9)} ${lpad('min gz', 7)}`);
  for (const m of e.modules.slice(0, 20)) {
    log(
      `   ${pad(m.module, 50)} ${lpad(bytes(m.renderedLength), 9)} ${lpad(bytes(m.renderedGzip), 7)} ${lpad(bytes(m.minifiedEstimate), 9)} ${lpad(bytes(m.minifiedEstimateGzip), 7)}`,
    );
  }
  log(`   (${e.modules.length} modules in all; "min est." = the module minified alone, whitespace and local names: an estimate, the chunk is minified whole)`);
}

// ---------------------------------------------------------------------------------------------
// Browser plumbing

async function launch(extraArgs = []) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: install it (apt-get install chromium) or set CHROME_PATH.');
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * A fresh browser context (cold: empty cache, cache disabled), optionally CPU-throttled.
 * `before(cdp)` runs ahead of the navigation and may resolve to a function: what that returns,
 * awaited once the page is ready, comes back as `extra` (the profiler's profile).
 */
async function openCold(browser, url, { throttle = 1, before } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  // Anything else to set up on the session before the page loads (the profiler).
  const collect = await before?.(cdp);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url);
  const ready = await page.evaluate(() => window.__done);
  return { context, page, cdp, errors, ready, extra: await collect?.() };
}

function assertClean(where, errors) {
  if (errors.length) throw new Error(`${where}: ${errors.join('; ')}`);
}

// ---------------------------------------------------------------------------------------------
// 2. Start-up

const STARTUP_WARMUP = 2;

/** One cold load of a start-up page (`startup` or its instrumented twin `phases`), checked. */
async function startupRun(browser, origin, page, kind, lang, throttle, before) {
  const { context, errors, ready, extra } = await openCold(browser, `${origin}/${page}-${kind}-${lang}.html`, { throttle, before });
  await context.close();
  assertClean(`${page} ${kind} ${lang} ×${throttle}`, errors);
  if (!ready.isolated) throw new Error(`${page} page is not cross-origin isolated`);
  if (!ready.heading) throw new Error(`${page} ${kind} ${lang}: no heading rendered`);
  if (kind !== 'floor' && ready.lang !== lang) throw new Error(`${page} ${kind}: rendered in ${ready.lang}, not ${lang}`);
  return { ...ready, extra };
}

/** Every case of start-up: each language, with the CPU as it is and throttled. */
const startupCases = (fields) => THROTTLES.flatMap((throttle) => LANGS.map((lang) => ({ lang, throttle, ...fields() })));

/**
 * Every case gets RUNS cold pairs (wizard and floor, or `kinds`; each run `before` as openCold has it), taken round by round across all cases, so a
 * slow spell of the machine touches every case alike; within a pair the order alternates. The
 * first STARTUP_WARMUP rounds are discarded; `keep(case, { wizard, floor })` takes the others.
 */
async function pairedRounds(browser, origin, page, cases, keep, { kinds = ['wizard', 'floor'], before } = {}) {
  for (let round = 0; round < STARTUP_WARMUP + RUNS; round++) {
    for (const c of cases) {
      const got = {};
      for (const kind of round % 2 ? [...kinds].reverse() : kinds) got[kind] = await startupRun(browser, origin, page, kind, c.lang, c.throttle, before);
      if (round >= STARTUP_WARMUP) keep(c, got);
    }
    process.stdout.write(`\r   ${page}: round ${round + 1}/${STARTUP_WARMUP + RUNS}${round < STARTUP_WARMUP ? ' (warm-up)' : ''}   `);
  }
  process.stdout.write('\n');
}

/** Start-up (a) and (b) of the wizard and the floor, paired run by run. */
async function startup(browser, origin) {
  const cases = startupCases(() => ({
    wizard: { fromNavigation: [], fromImport: [] },
    floor: { fromNavigation: [], fromImport: [] },
    ratios: [],
    evidence: null,
  }));
  await pairedRounds(browser, origin, 'startup', cases, (c, got) => {
    for (const kind of ['wizard', 'floor']) {
      c[kind].fromNavigation.push(got[kind].end);
      if (got[kind].evaluated === null) throw new Error(`start-up ${kind}: no "evaluated" mark`);
      c[kind].fromImport.push(got[kind].end - got[kind].evaluated);
    }
    c.ratios.push((got.wizard.end - got.wizard.evaluated) / (got.floor.end - got.floor.evaluated));
    c.evidence ??= { heading: got.wizard.heading, lang: got.wizard.lang, resources: got.wizard.resources };
  });
  return cases.map((c) => ({
    lang: c.lang,
    cpuThrottling: c.throttle,
    runs: RUNS,
    wizard: { fromNavigation: summary(c.wizard.fromNavigation), fromImport: summary(c.wizard.fromImport), raw: c.wizard },
    floor: { fromNavigation: summary(c.floor.fromNavigation), fromImport: summary(c.floor.fromImport), raw: c.floor },
    pairedRatio: summary(c.ratios),
    pairedRatios: c.ratios,
    ratioOfMedians: {
      fromNavigation: median(c.wizard.fromNavigation) / median(c.floor.fromNavigation),
      fromImport: median(c.wizard.fromImport) / median(c.floor.fromImport),
    },
    wizardResources: c.evidence.resources,
    wizardHeading: c.evidence.heading,
  }));
}

function printStartup(results) {
  log(
    `\n2. START-UP (cold: a fresh browser context per run, cache disabled; median [min–max] of ${RUNS} runs, each paired with the floor in the same run; ${STARTUP_WARMUP} warm-up rounds discarded)`,
  );
  log('   (a) navigation start → rendered: performance.now() once `await el.updateComplete` resolved (time origin = navigation start)');
  log('   (b) bundle evaluated → rendered: from the `<tag>:evaluated` mark (set by the define module once every module has run,');
  log('       just before defining the tag, which upgrades the element in the markup) to `await el.updateComplete` resolved');
  log('       `await customElements.whenDefined(tag)` and `await el.updateComplete` of the element in the markup: fetch, parse,');
  log('       evaluation, definition, upgrade and first render (for ko, also the ko catalog chunk, which the wizard waits for)');
  const f = (s) => `${ms(s.median)} [${s.min.toFixed(1)}–${s.max.toFixed(1)}]`;
  log('   ratio = wizard median / floor median (both from the same interleaved runs); in brackets, the median [min–max] of the');
  log('   per-run ratios (wizard / floor of the same round), which scatter widely on a busy machine');
  log(`   ${pad('case', 12)} ${pad('measure', 22)} ${pad('wizard', 26)} ${pad('floor', 26)} ratio`);
  for (const r of results) {
    const label = `${r.lang} CPU ×${r.cpuThrottling}`;
    log(
      `   ${pad(label, 12)} ${pad('(a) navigation → rend.', 22)} ${pad(f(r.wizard.fromNavigation), 26)} ${pad(f(r.floor.fromNavigation), 26)} ${r.ratioOfMedians.fromNavigation.toFixed(2)}×`,
    );
    const ratio = r.ratioOfMedians.fromImport;
    const ok = ratio <= BUDGET.startupRatio;
    log(
      `   ${pad('', 12)} ${pad('(b) evaluated → rend.', 22)} ${pad(f(r.wizard.fromImport), 26)} ${pad(f(r.floor.fromImport), 26)} ${ratio.toFixed(2)}× (per run ${r.pairedRatio.median.toFixed(2)}× [${r.pairedRatio.min.toFixed(2)}–${r.pairedRatio.max.toFixed(2)}])  ${verdict(ok)} ≤ ${BUDGET.startupRatio}×`,
    );
    budget(
      `start-up (b) ${label}: ratio to floor`,
      ratio,
      BUDGET.startupRatio,
      ok,
      `${ms(r.wizard.fromImport.median)} vs floor ${ms(r.floor.fromImport.median)}; per-run ratios median ${r.pairedRatio.median.toFixed(2)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 2b. Where start-up goes (separate, instrumented runs: see phasesPage)

/** One run's phases, in ms, from the [name, start, end] timings of the first update. */
function phasesOf(run) {
  const first = (name) => run.phases.find(([n]) => n === name);
  const dur = (t) => (t ? t[2] - t[1] : 0);
  const define = first('define');
  const ctor = first('constructor');
  const connected = first('connectedCallback');
  const root = first('createRenderRoot');
  const perform = first('performUpdate');
  const update = first('update');
  const render = first('render');
  if (!define || !ctor || !connected || !perform || !update || !render) throw new Error('phases: a lifecycle step was not seen');
  const controllers = run.phases.filter(([n, t0]) => n.startsWith('controller ') && t0 >= connected[1] && t0 <= connected[2]);
  const out = {
    // From the mark to define: the rest of the define module.
    'before define': define[1] - run.evaluated,
    'class set-up (define, before the upgrade)': dur(define) - dur(ctor) - dur(connected),
    constructor: dur(ctor),
    'connectedCallback, all of it:': dur(connected),
    '  shadow root and styles': dur(root),
  };
  for (const [n, t0, t1] of controllers) out[`  ${n}`] = (out[`  ${n}`] ?? 0) + (t1 - t0);
  out['  the rest'] = dur(connected) - dur(root) - controllers.reduce((sum, [, t0, t1]) => sum + (t1 - t0), 0);
  out['wait before the first update'] = perform[1] - connected[2];
  out['render()'] = dur(render);
  out['commit (Lit: templates, DOM)'] = dur(update) - dur(render);
  out['rest of the first update'] = dur(perform) - dur(update);
  out['after it, until updateComplete'] = run.end - perform[2];
  out['total (evaluated → rendered)'] = run.end - run.evaluated;
  return out;
}

async function phases(browser, origin) {
  const cases = startupCases(() => ({ wizard: [], floor: [] }));
  await pairedRounds(browser, origin, 'phases', cases, (c, got) => {
    for (const kind of ['wizard', 'floor']) c[kind].push(phasesOf(got[kind]));
  });
  return cases.map((c) => {
    const names = [...new Set([...c.wizard, ...c.floor].flatMap((r) => Object.keys(r)))];
    const rows = names.map((name) => {
      const w = median(c.wizard.map((r) => r[name] ?? 0));
      const f = median(c.floor.map((r) => r[name] ?? 0));
      return { phase: name, wizard: w, floor: f, extra: w - f };
    });
    return { lang: c.lang, cpuThrottling: c.throttle, runs: RUNS, rows };
  });
}

function printPhases(results) {
  log(`\n2b. WHERE START-UP GOES (separate instrumented runs: Lit's lifecycle timed through its public method names; median of ${RUNS} cold runs)`);
  log('   "extra" = wizard − floor; the instrumentation adds a little to both; phases need not add up to the total (medians).');
  log('   The wizard adds two controllers: 1 its language (LocaleController), 2 its actor (ActorController, which creates the');
  log('   actor); the floor creates its actor in its own connectedCallback ("the rest").');
  for (const r of results) {
    log(`   ${r.lang} CPU ×${r.cpuThrottling}`);
    log(`     ${pad('phase', 44)} ${lpad('wizard', 9)} ${lpad('floor', 9)} ${lpad('extra', 9)}`);
    for (const row of r.rows) log(`     ${pad(row.phase, 44)} ${lpad(ms(row.wizard, 2), 9)} ${lpad(ms(row.floor, 2), 9)} ${lpad(ms(row.extra, 2), 9)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 2c. The compile hint, A/B (opt-in: --only=hint). The embed entry as built (its first line is
// V8's `//# allFunctionsCalledOnLoad`, scripts/compile-hints.ts) against the same file without
// that line, paired run by run like the start-up figures: what the hint does to (a) and (b).

export const NO_HINT_DIR = `${EMBED_DIR}-nohint`;
/** As scripts/compile-hints.ts adds it (a TypeScript module, which this script cannot import). */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** bench/dist/embed-nohint: the embed as built, but the entry without its compile hint. */
function buildNoHint() {
  rmSync(NO_HINT_DIR, { recursive: true, force: true });
  cpSync(EMBED_DIR, NO_HINT_DIR, { recursive: true });
  const entry = readFileSync(`${EMBED_DIR}/${EMBED_ENTRY}`, 'utf8');
  if (!entry.startsWith(`${COMPILE_HINT}\n`)) throw new Error(`${EMBED_ENTRY} does not start with ${COMPILE_HINT}`);
  writeFileSync(`${NO_HINT_DIR}/${EMBED_ENTRY}`, entry.slice(COMPILE_HINT.length + 1));
}

async function compileHint(browser, origin) {
  const cases = startupCases(() => ({ with: { fromNavigation: [], fromImport: [] }, without: { fromNavigation: [], fromImport: [] } }));
  await pairedRounds(
    browser,
    origin,
    'hint',
    cases,
    (c, got) => {
      for (const kind of ['with', 'without']) {
        c[kind].fromNavigation.push(got[kind].end);
        c[kind].fromImport.push(got[kind].end - got[kind].evaluated);
      }
    },
    { kinds: ['with', 'without'] },
  );
  return cases.map((c) => ({
    lang: c.lang,
    cpuThrottling: c.throttle,
    runs: RUNS,
    with: { fromNavigation: summary(c.with.fromNavigation), fromImport: summary(c.with.fromImport) },
    without: { fromNavigation: summary(c.without.fromNavigation), fromImport: summary(c.without.fromImport) },
  }));
}

function printCompileHint(results) {
  log(`\n2c. THE COMPILE HINT, A/B (the embed entry with and without \`${COMPILE_HINT}\`; median [min–max] of ${RUNS} cold runs, paired)`);
  log(`   ${pad('case', 12)} ${pad('measure', 22)} ${pad('with the hint', 26)} ${pad('without', 26)} change`);
  const f = (s) => `${ms(s.median)} [${s.min.toFixed(1)}–${s.max.toFixed(1)}]`;
  for (const r of results) {
    for (const [label, key] of [
      ['(a) navigation → rend.', 'fromNavigation'],
      ['(b) evaluated → rend.', 'fromImport'],
    ]) {
      const change = r.with[key].median - r.without[key].median;
      log(
        `   ${pad(key === 'fromNavigation' ? `${r.lang} CPU ×${r.cpuThrottling}` : '', 12)} ${pad(label, 22)} ${pad(f(r.with[key]), 26)} ${pad(f(r.without[key]), 26)} ${change > 0 ? '+' : ''}${ms(change)}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 2d. Where (b) goes, by code (opt-in: --only=profile). Chromium's sampling profiler over (b) on
// the embed built again with source maps (profilePage): each sample's self time goes to the
// module its code comes from, or to the browser (DOM, style, the runtime) when it is no script.

const PROFILE_INTERVAL_US = 50;

/** Where a sampled frame's code is, by the source map: module, package and a glimpse of the code. */
function locate(map, frame) {
  if (!frame.url.endsWith(`/embed-mapped/${EMBED_ENTRY}`)) {
    if (!frame.url) return { pkg: '(browser: DOM, style, runtime)', fn: `(browser) ${frame.functionName || '?'}` };
    const file = new URL(frame.url).pathname.split('/').pop();
    return { pkg: `(${file})`, fn: `(${file}) ${frame.functionName || '?'}` };
  }
  const o = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
  if (!o.source) return { pkg: '(unmapped)', fn: `(unmapped) ${frame.functionName}` };
  const short = shortId(o.source);
  const text = map.sourcesContent?.[map.resolvedSources.indexOf(o.source)] ?? '';
  const line = text.split('\n')[o.line - 1] ?? '';
  const glimpse = line.slice(o.column, o.column + 48).trim();
  return { pkg: packageOf(short), fn: `${short}:${o.line} ${o.name ?? frame.functionName ?? ''} «${glimpse}»` };
}

async function profile(browser, origin) {
  // (With the map's own path, its sources resolve to absolute paths.)
  const mapPath = resolve(`${MAPPED_DIR}/${EMBED_ENTRY}.map`);
  const map = new TraceMap(readFileSync(mapPath, 'utf8'), mapPath);
  const cases = startupCases(() => ({ packages: new Map(), functions: new Map(), sampled: 0, runs: 0 }));
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  const before = async (cdp) => {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
    const finished = new Promise((resolve) => cdp.once('Profiler.consoleProfileFinished', (e) => resolve(e.profile)));
    return () => finished;
  };
  const keep = (c, { wizard }) => {
    const prof = wizard.extra;
    const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
    const located = new Map();
    prof.samples.forEach((id, i) => {
      const ms = (prof.timeDeltas[i + 1] ?? PROFILE_INTERVAL_US) / 1000;
      let where = located.get(id);
      if (!where) located.set(id, (where = locate(map, nodes.get(id).callFrame)));
      add(c.packages, where.pkg, ms);
      add(c.functions, where.fn, ms);
      c.sampled += ms;
    });
    c.runs++;
  };
  await pairedRounds(browser, origin, 'profile', cases, keep, { kinds: ['wizard'], before });
  const top = (m, n, runs) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: ms / runs }));
  return cases.map((c) => ({
    lang: c.lang,
    cpuThrottling: c.throttle,
    runs: c.runs,
    sampledMs: c.sampled / c.runs,
    packages: top(c.packages, 12, c.runs),
    functions: top(c.functions, 12, c.runs),
  }));
}

function printProfile(results) {
  log(`\n2d. WHERE (b) GOES, BY CODE (Chromium's profiler sampling every ${PROFILE_INTERVAL_US} µs over (b), the embed built again with source maps;`);
  log(`   self time, mean per run of ${RUNS} cold runs; the profiler slows the page, so the shares are what count.`);
  log('   "(profile-wizard-xx.html) customElements.define" is the page\'s wrapper around define: the browser\'s own work in it,');
  log('   registering the tag and upgrading the element; "(browser) (program)" is the browser outside any script: frames, tasks)');
  for (const r of results) {
    log(`   ${r.lang} CPU ×${r.cpuThrottling}: ${ms(r.sampledMs)} sampled`);
    const share = (x) => `${lpad(((100 * x.ms) / r.sampledMs).toFixed(0), 3)}%  ${lpad(ms(x.ms, 2), 9)}`;
    for (const p of r.packages) log(`     ${share(p)}  ${p.name}`);
    log('     top functions:');
    for (const f of r.functions) log(`     ${share(f)}  ${f.name.slice(0, 110)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Transitions

async function transitions(browser, origin) {
  const { context, page, errors, ready } = await openCold(browser, `${origin}/transitions.html`);
  try {
    if (ready !== true) throw new Error('transitions page did not load');
    const prep = await page.evaluate((n) => window.__bench.prepare(n), 50);
    if (!prep.isolated) throw new Error('transitions page is not cross-origin isolated: performance.now() would be coarse');
    for (const chunk of ['later.js', 'en-later.js']) {
      if (!prep.loaded.some((p) => p.endsWith(`/${chunk}`))) throw new Error(`transitions: ${chunk} was not loaded before sampling`);
    }
    const steps = await page.evaluate((n) => window.__bench.steps(n), SAMPLES);
    const keys = await page.evaluate((n) => window.__bench.keys(n), SAMPLES);
    assertClean('transitions', errors);
    return {
      samples: SAMPLES,
      crossOriginIsolated: prep.isolated,
      chunksLoadedBeforeSampling: prep.loaded.filter((p) => !p.endsWith('.html')),
      step: { wizard: summary(steps.wizard), floor: summary(steps.floor), raw: steps },
      keystroke: { wizard: summary(keys.wizard), floor: summary(keys.floor), raw: { wizard: keys.wizard, floor: keys.floor } },
    };
  } finally {
    await context.close();
  }
}

function printTransitions(t) {
  log(`\n3. TRANSITIONS (${t.samples} samples each, wizard and floor interleaved on one page; crossOriginIsolated=${t.crossOriginIsolated})`);
  log('   step change: click Continue (first step, days left valid) or Back → `await el.updateComplete`, alternating; floor: next() → updateComplete');
  log("   keystroke: set the days-left input's value + dispatch `input` → `await el.updateComplete`; floor: the same on its input");
  const f = (s) => `${s.median.toFixed(3)} / ${s.p95.toFixed(3)} [${s.min.toFixed(3)}–${s.max.toFixed(3)}]`;
  log(`   ${pad('', 12)} ${pad('wizard median / p95 [min–max] ms', 36)} ${pad('floor median / p95 [min–max] ms', 36)} ratio`);
  const rows = [
    ['step change', t.step, BUDGET.stepMedianMs],
    ['keystroke', t.keystroke, BUDGET.keyMedianMs],
  ];
  for (const [label, r, limit] of rows) {
    const ok = r.wizard.median <= limit;
    log(
      `   ${pad(label, 12)} ${pad(f(r.wizard), 36)} ${pad(f(r.floor), 36)} ${(r.wizard.median / r.floor.median).toFixed(1)}×  ${verdict(ok)} median ≤ ${limit} ms`,
    );
    budget(`${label} median (ms)`, r.wizard.median, limit, ok, `p95 ${r.wizard.p95.toFixed(3)} ms; floor ${r.floor.median.toFixed(3)} ms`);
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Memory

async function memory(browser, origin, kind) {
  const { context, page, cdp, errors, ready } = await openCold(browser, `${origin}/memory-${kind}.html`);
  try {
    if (ready !== true) throw new Error(`memory ${kind}: page not isolated`);
    await cdp.send('HeapProfiler.enable');
    const heap = async () => {
      await page.evaluate(() => window.__bench.gc());
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    };
    const points = [];
    let done = 0;
    const cycle = async (n) => {
      const left = await page.evaluate((k) => window.__bench.cycles(k), n);
      if (left !== 0) throw new Error(`memory ${kind}: ${left} elements left on the page`);
      done += n;
      points.push({ cycles: done, usedJSHeapSize: await heap() });
    };
    points.push({ cycles: 0, usedJSHeapSize: await heap() });
    await cycle(WARMUP_CYCLES);
    for (const n of MEMORY_STEPS) await cycle(n);
    assertClean(`memory ${kind}`, errors);
    const afterFirst = points.at(-2).usedJSHeapSize;
    const afterLast = points.at(-1).usedJSHeapSize;
    return { points, ratio: afterLast / afterFirst };
  } finally {
    await context.close();
  }
}

function printMemory(m) {
  log(`\n4. MEMORY (JS heap, CDP Runtime.getHeapUsage.usedSize after gc() ×3 and HeapProfiler.collectGarbage; --js-flags=--expose-gc)`);
  log(`   cycle = create, append, await updateComplete, remove, setTimeout 0; ${WARMUP_CYCLES} warm-up cycles, then ${MEMORY_STEPS.join(', then ')}`);
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  for (const kind of ['wizard', 'floor']) {
    const r = m[kind];
    const pts = r.points.map((p) => `${p.cycles}: ${kb(p.usedJSHeapSize)}`).join('  ');
    const ok = r.ratio <= BUDGET.heapRatio;
    log(`   ${pad(kind, 7)} ${pts}   last/first-${MEMORY_STEPS[0]} ${r.ratio.toFixed(3)}${kind === 'wizard' ? `  ${verdict(ok)} ≤ ${BUDGET.heapRatio}` : ''}`);
  }
  budget('heap after +1000 / after +500 cycles', m.wizard.ratio, BUDGET.heapRatio, m.wizard.ratio <= BUDGET.heapRatio, `floor ${m.floor.ratio.toFixed(3)}`);
}

// ---------------------------------------------------------------------------------------------
// 5. Lighthouse

async function appPageCheck(browser, origin) {
  const html = readFileSync(`${APP_DIR}/index.html`, 'utf8');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const { context, page, errors } = await (async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    const fetched = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('response', (r) => {
      fetched.push(`${r.status()} ${new URL(r.url()).pathname}`);
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    return { context, page, errors, fetched };
  })();
  const favicon = await page.evaluate(async () => {
    const href = document.querySelector('link[rel=icon]')?.getAttribute('href');
    return href ? { href, status: (await fetch(href)).status } : null;
  });
  await context.close();
  return {
    modulepreload: preloads,
    preloadsLater: preloads.some((p) => /\/later-[\w-]+\.js$/.test(p)),
    preloadsEnLater: preloads.some((p) => /\/en-later-[\w-]+\.js$/.test(p)),
    favicon,
    consoleErrors: errors,
  };
}

function runLighthouse(url, outputPath) {
  const chromePath = findChromium();
  const flags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        url,
        '--quiet',
        '--output=json',
        `--output-path=${outputPath}`,
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-path=${chromePath}`,
        `--chrome-flags=${flags}`,
      ],
      { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}`))));
  });
}

const LIGHTHOUSE_RUNS = 3;

function readLhr(path) {
  const lhr = JSON.parse(readFileSync(path, 'utf8'));
  const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
  const lost = [];
  for (const cat of Object.values(lhr.categories)) {
    for (const ref of cat.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1)
        lost.push({ category: cat.id, audit: ref.id, score: audit.score, displayValue: audit.displayValue ?? '' });
    }
  }
  const metrics = Object.fromEntries(
    ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [
      id,
      lhr.audits[id]?.displayValue,
    ]),
  );
  return {
    version: lhr.lighthouseVersion,
    formFactor: lhr.configSettings.formFactor,
    throttlingMethod: lhr.configSettings.throttlingMethod,
    scores,
    metrics,
    lost,
    report: path,
  };
}

/** LIGHTHOUSE_RUNS runs of Lighthouse's default configuration; each category's median score counts. */
async function lighthouse(browser) {
  const server = await startServer({ mounts: { '/': APP_DIR } });
  try {
    const check = await appPageCheck(browser, server.origin);
    const runs = [];
    for (let i = 1; i <= LIGHTHOUSE_RUNS; i++) {
      const outputPath = `bench/results/lighthouse-${i}.json`;
      await runLighthouse(`${server.origin}/`, outputPath);
      runs.push(readLhr(outputPath));
      process.stdout.write(`\r   lighthouse: run ${i}/${LIGHTHOUSE_RUNS}   `);
    }
    process.stdout.write('\n');
    const scores = Object.fromEntries(Object.keys(runs[0].scores).map((k) => [k, median(runs.map((r) => r.scores[k]))]));
    return {
      version: runs[0].version,
      formFactor: runs[0].formFactor,
      throttlingMethod: runs[0].throttlingMethod,
      runs: LIGHTHOUSE_RUNS,
      scores,
      perRun: runs,
      check,
    };
  } finally {
    await server.close();
  }
}

function printLighthouse(l) {
  log(
    `\n5. LIGHTHOUSE ${l.version} on the built standalone page (default config: ${l.formFactor}, ${l.throttlingMethod} throttling; median of ${l.runs} runs)`,
  );
  for (const [k, v] of Object.entries(l.scores)) {
    log(`   ${pad(k, 16)} ${lpad(v, 3)}  (runs: ${l.perRun.map((r) => r.scores[k]).join(', ')})  ${verdict(v >= BUDGET.lighthouse)} = ${BUDGET.lighthouse}`);
    budget(`Lighthouse ${k} (median of ${l.runs})`, v, BUDGET.lighthouse, v >= BUDGET.lighthouse);
  }
  for (const r of l.perRun) {
    log(
      `   ${r.report}: ${Object.entries(r.metrics)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    for (const a of r.lost) log(`      lost: ${a.category} / ${a.audit} score ${a.score} ${a.displayValue}`);
  }
  const c = l.check;
  log(
    `   page: favicon ${c.favicon ? `${c.favicon.href} ${c.favicon.status}` : 'missing'}; console errors: ${c.consoleErrors.length ? c.consoleErrors.join('; ') : 'none'}`,
  );
  log(`   modulepreload: ${c.modulepreload.join(', ') || 'none'} (later ${c.preloadsLater ? 'yes' : 'NO'}, en-later ${c.preloadsEnLater ? 'yes' : 'NO'})`);
  const pageOk = c.favicon?.status === 200 && c.consoleErrors.length === 0 && c.preloadsLater && c.preloadsEnLater;
  budget('standalone page: favicon, no console errors, later + en-later preloaded', pageOk ? 'ok' : 'not ok', 'ok', pageOk);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  log(
    `esim-renewal-wizard bench${quick ? ' --quick' : ''}: ${RUNS} cold runs per start-up case, ${SAMPLES} samples per transition${LIGHTHOUSE ? ', Lighthouse' : ', no Lighthouse'}`,
  );
  mkdirSync('bench/results', { recursive: true });
  const size = await buildAll({ log: (s) => log(`   ${s}`) });

  const pages = { '/transitions.html': transitionsPage(), '/memory-wizard.html': memoryPage('wizard'), '/memory-floor.html': memoryPage('floor') };
  for (const lang of LANGS) {
    for (const kind of ['wizard', 'floor']) {
      pages[`/startup-${kind}-${lang}.html`] = startupPage(kind, lang);
      pages[`/phases-${kind}-${lang}.html`] = phasesPage(kind, lang);
    }
    pages[`/profile-wizard-${lang}.html`] = profilePage(lang);
    pages[`/hint-with-${lang}.html`] = startupPage('wizard', lang);
    pages[`/hint-without-${lang}.html`] = startupPage('wizard', lang).replace(JSON.stringify(EMBED_SRC), JSON.stringify(`/embed-nohint/${EMBED_ENTRY}`));
  }
  if (HINT) buildNoHint();
  if (PROFILE) await buildMapped();
  const server = await startServer({
    isolated: true,
    pages,
    mounts: { '/embed/': EMBED_DIR, '/embed-nohint/': NO_HINT_DIR, '/embed-mapped/': MAPPED_DIR, '/floor/': FLOOR_DIR },
  });
  const browser = await launch(['--js-flags=--expose-gc']);
  const machine = machineInfo(browser.version());
  const meetsSpec = RUNS >= 15 && SAMPLES >= 1000 && LIGHTHOUSE && !ONLY;
  const result = { date: new Date().toISOString(), quick, meetsSpec, runs: RUNS, samples: SAMPLES, only: ONLY ?? null, machine, budgets };
  try {
    printSizes(size);
    result.size = {
      embed: { entry: size.embed.entry, lazy: size.embed.lazy },
      floor: { entry: size.floor.entry },
    };
    if (wanted('startup')) {
      result.startup = await startup(browser, server.origin);
      printStartup(result.startup);
    }
    if (wanted('phases')) {
      result.phases = await phases(browser, server.origin);
      printPhases(result.phases);
    }
    if (PROFILE) {
      result.profile = await profile(browser, server.origin);
      printProfile(result.profile);
    }
    if (HINT) {
      result.compileHint = await compileHint(browser, server.origin);
      printCompileHint(result.compileHint);
    }
    if (wanted('transitions')) {
      result.transitions = await transitions(browser, server.origin);
      printTransitions(result.transitions);
    }
    if (wanted('memory')) {
      result.memory = { wizard: await memory(browser, server.origin, 'wizard'), floor: await memory(browser, server.origin, 'floor') };
      printMemory(result.memory);
    }
    if (LIGHTHOUSE) {
      result.lighthouse = await lighthouse(browser);
      printLighthouse(result.lighthouse);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  result.durationSeconds = Math.round((performance.now() - benchStarted) / 100) / 10;
  machine.loadAverageAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
  writeFileSync('bench/results/latest.json', `${JSON.stringify(result, null, 2)}\n`);
  const failed = budgets.filter((b) => !b.pass);
  log(`\nBUDGETS`);
  for (const b of budgets) {
    const value = typeof b.value === 'number' ? (Number.isInteger(b.value) ? bytes(b.value) : b.value.toFixed(3)) : b.value;
    log(`   ${verdict(b.pass)}  ${pad(b.name, 62)} ${lpad(value, 10)}  (budget ${b.limit})${b.detail ? `  ${b.detail}` : ''}`);
  }
  log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Chromium ${machine.chromium}; Node ${machine.node}`);
  log(
    `load average (1/5/15 min) at start ${machine.loadAverageAtStart.join(' ')}, at end ${machine.loadAverageAtEnd.join(' ')}: timings are noisy when other work shares the machine`,
  );
  if (!meetsSpec) log(`NOTE: not a full run (≥15 cold runs, ≥1000 samples, Lighthouse, every part): for iterating only`);
  log(`bench took ${result.durationSeconds} s; results in bench/results/latest.json`);
  if (!LIGHTHOUSE) log('(Lighthouse skipped)');
  if (ONLY) log(`(only: ${ONLY.join(', ')}; the other parts were not measured)`);
  log(failed.length ? `${failed.length} budget(s) FAILED` : 'all budgets pass');
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
