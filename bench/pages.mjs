// The benchmark's own pages. Every page is served cross-origin isolated (COOP + COEP), and says
// whether it is (`crossOriginIsolated`), so that performance.now() is fine-grained (5 µs in
// Chromium rather than 100 µs).

export const EMBED_SRC = '/embed/esim-renewal-wizard.js';
export const FLOOR_SRC = '/floor/floor.js';
export const WIZARD_TAG = 'esim-renewal-wizard';
export const FLOOR_TAG = 'floor-widget';

const head = `<meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,">
<script>window.__done = new Promise((resolve, reject) => { window.__resolve = resolve; window.__reject = reject; });</script>`;

/**
 * Start-up. The only module script on the page: it reads performance.now() just before
 * `import(entry)` (`start`), and again once the tag is defined and the element in the markup has
 * finished its first update, `await el.updateComplete` (`end`). `end` is also "navigation start
 * → rendered", as performance.now() counts from the navigation's time origin.
 */
export function startupPage(kind, lang) {
  const tag = kind === 'wizard' ? WIZARD_TAG : FLOOR_TAG;
  const src = kind === 'wizard' ? EMBED_SRC : FLOOR_SRC;
  const langAttr = lang && lang !== 'en' ? ` lang="${lang}"` : '';
  return `<!doctype html><html lang="en"><head>${head}</head><body>
<${tag}${langAttr}></${tag}>
<script type="module">
try {
  const start = performance.now();
  await import(${JSON.stringify(src)});
  await customElements.whenDefined(${JSON.stringify(tag)});
  const el = document.querySelector(${JSON.stringify(tag)});
  await el.updateComplete;
  const end = performance.now();
  const root = el.shadowRoot;
  // "Bundle evaluated": the mark the define module sets once every module has run, just before
  // defining the tag (which upgrades the element in the markup).
  __resolve({
    start,
    evaluated: performance.getEntriesByName(${JSON.stringify(tag + ':evaluated')})[0]?.startTime ?? null,
    end,
    isolated: crossOriginIsolated,
    heading: root?.querySelector('h2')?.textContent?.trim() ?? null,
    lang: root?.querySelector('.base')?.getAttribute('lang') ?? null,
    resources: performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname),
    phases: window.__phases ?? null,
  });
} catch (e) {
  __reject(String(e?.stack ?? e));
}
</script></body></html>`;
}

/**
 * Where start-up goes: the start-up page with a classic script ahead of the bundle that times
 * Lit's lifecycle through public names only, so it works on the production bundle as it is.
 * It wraps `customElements.define`: the class to define gets its `connectedCallback`,
 * `createRenderRoot`, `performUpdate`, `update` and `render` (own or inherited) and its
 * controllers' `hostConnected` timed, and is defined through a subclass whose constructor is
 * timed. Each timing goes to `window.__phases` as [phase, start, end] (performance.now()).
 * The instrumentation costs a little, so these runs are separate from the start-up figures.
 */
export function phasesPage(kind, lang) {
  const probe = `<script>
window.__phases = [];
(() => {
  const phases = window.__phases;
  const timed = (name, fn) => function (...args) {
    const t0 = performance.now();
    try { return fn.apply(this, args); } finally { phases.push([name, t0, performance.now()]); }
  };
  const define = customElements.define;
  customElements.define = function (tag, cls, options) {
    const proto = cls.prototype;
    for (const m of ['connectedCallback', 'createRenderRoot', 'performUpdate', 'update', 'render']) {
      if (typeof proto[m] === 'function') proto[m] = timed(m, proto[m]);
    }
    // Controllers by the order the element adds them (class names are minified).
    const add = proto.addController;
    if (add) proto.addController = function (c) {
      this.__controllers = (this.__controllers ?? 0) + 1;
      if (c.hostConnected) c.hostConnected = timed('controller ' + this.__controllers + ': hostConnected', c.hostConnected);
      return add.call(this, c);
    };
    class Timed extends cls {
      constructor() { const t0 = performance.now(); super(); phases.push(['constructor', t0, performance.now()]); }
    }
    const t0 = performance.now();
    try { return define.call(this, tag, Timed, options); } finally { phases.push(['define', t0, performance.now()]); }
  };
})();
</script>`;
  return startupPage(kind, lang).replace('<head>', `<head>${probe}`);
}

export const MAPPED_SRC = '/embed-mapped/esim-renewal-wizard.js';

/**
 * Profile: the start-up page on the source-mapped embed, with Chromium's profiler running over
 * (b): `console.profile` as the tag is defined (the define module sets its "evaluated" mark
 * just before) and `console.profileEnd` once `await el.updateComplete` resolved.
 */
export function profilePage(lang) {
  const probe = `<script>
(() => {
  const define = customElements.define;
  customElements.define = function (...args) {
    console.profile('b');
    return define.apply(this, args);
  };
})();
</script>`;
  return startupPage('wizard', lang)
    .replace('<head>', `<head>${probe}`)
    .replace(JSON.stringify(EMBED_SRC), JSON.stringify(MAPPED_SRC))
    .replace('  const end = performance.now();', "  const end = performance.now();\n  console.profileEnd('b');");
}

/**
 * Transitions: the wizard and the floor on one page. `__bench.prepare()` puts the wizard on the
 * first step with a valid number of days left and walks Continue/Back until the later steps'
 * chunk and catalog are in; then `stepPair()` and `keyPair()` each take one paired sample.
 */
export function transitionsPage() {
  return `<!doctype html><html lang="en"><head>${head}</head><body>
<${WIZARD_TAG}></${WIZARD_TAG}>
<${FLOOR_TAG}></${FLOOR_TAG}>
<script type="module">
import ${JSON.stringify(EMBED_SRC)};
import ${JSON.stringify(FLOOR_SRC)};
const wiz = document.querySelector(${JSON.stringify(WIZARD_TAG)});
const floor = document.querySelector(${JSON.stringify(FLOOR_TAG)});
const root = () => wiz.shadowRoot;
const stepOf = () => root().querySelector('section.step')?.dataset.step;
const input = (type = 'input') => new Event(type, { bubbles: true, composed: true });
const yieldTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
let key = 0;
let floorKey = 0;

async function wizardStep() {
  const forward = stepOf() === 'validity';
  const button = root().querySelector(forward ? 'button.primary' : 'button.secondary');
  const t0 = performance.now();
  button.click();
  await wiz.updateComplete;
  const dt = performance.now() - t0;
  const want = forward ? 'channel' : 'validity';
  if (stepOf() !== want) throw new Error('step change: expected ' + want + ', on ' + stepOf());
  if (root().querySelector('section.step .busy')) throw new Error('step change: the later chunk is not in');
  return dt;
}
async function floorStep() {
  const before = floor.shadowRoot.querySelector('h2').textContent;
  const t0 = performance.now();
  floor.next();
  await floor.updateComplete;
  const dt = performance.now() - t0;
  if (floor.shadowRoot.querySelector('h2').textContent === before) throw new Error('floor: no state change');
  return dt;
}
async function wizardKey() {
  const field = root().querySelector('#days-left');
  const value = key++ % 2 ? '31' : '30';
  const t0 = performance.now();
  field.value = value;
  field.dispatchEvent(input());
  await wiz.updateComplete;
  return performance.now() - t0;
}
async function floorKeystroke() {
  const field = floor.shadowRoot.querySelector('input');
  const value = floorKey++ % 2 ? '31' : '30';
  const t0 = performance.now();
  field.value = value;
  field.dispatchEvent(input());
  await floor.updateComplete;
  return performance.now() - t0;
}

window.__bench = {
  async prepare(warmup) {
    await wiz.updateComplete;
    await floor.updateComplete;
    const days = [...root().querySelectorAll('input[name="validity-mode"]')].find((r) => r.value === 'days');
    days.click();
    await wiz.updateComplete;
    const field = root().querySelector('#days-left');
    field.value = '30';
    field.dispatchEvent(input());
    await wiz.updateComplete;
    // The first Continue waits (in updateComplete) for the later chunk and the English later catalog.
    for (let i = 0; i < warmup; i++) {
      await wizardStep(); await floorStep(); await yieldTask();
    }
    if (stepOf() !== 'validity') await wizardStep();
    for (let i = 0; i < warmup; i++) {
      await wizardKey(); await floorKeystroke(); await yieldTask();
    }
    const loaded = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
    return { isolated: crossOriginIsolated, loaded, step: stepOf() };
  },
  async steps(n) {
    const wizard = [], floorTimes = [];
    for (let i = 0; i < n; i++) {
      wizard.push(await wizardStep());
      floorTimes.push(await floorStep());
      await yieldTask();
    }
    if (stepOf() !== 'validity') await wizardStep();
    return { wizard, floor: floorTimes };
  },
  async keys(n) {
    if (stepOf() !== 'validity') throw new Error('keystrokes: not on the first step');
    const wizard = [], floorTimes = [];
    for (let i = 0; i < n; i++) {
      wizard.push(await wizardKey());
      floorTimes.push(await floorKeystroke());
      await yieldTask();
    }
    const urgency = root().querySelector('[data-urgency]')?.textContent ?? '';
    const last = (key - 1) % 2 ? '31' : '30';
    if (!urgency.includes(last)) throw new Error('keystrokes: the urgency text does not show ' + last + ': ' + urgency);
    return { wizard, floor: floorTimes, urgency };
  },
};
__resolve(true);
</script></body></html>`;
}

/**
 * Memory: the bundle loaded, no element yet. `__bench.cycles(n)` mounts and unmounts n elements:
 * create, append, await updateComplete, remove, then a task (setTimeout 0) so that the
 * element's delayed clean-up (parking its actor a task after disconnect) runs.
 */
export function memoryPage(kind) {
  const tag = kind === 'wizard' ? WIZARD_TAG : FLOOR_TAG;
  const src = kind === 'wizard' ? EMBED_SRC : FLOOR_SRC;
  return `<!doctype html><html lang="en"><head>${head}</head><body>
<script type="module">
import ${JSON.stringify(src)};
const tag = ${JSON.stringify(tag)};
window.__bench = {
  async cycles(n) {
    for (let i = 0; i < n; i++) {
      const el = document.createElement(tag);
      document.body.append(el);
      await el.updateComplete;
      if (!el.shadowRoot?.querySelector('h2')) throw new Error('cycle ' + i + ': nothing rendered');
      el.remove();
      await new Promise((r) => setTimeout(r, 0));
    }
    return document.querySelectorAll(tag).length;
  },
  async gc() {
    for (let i = 0; i < 3; i++) {
      globalThis.gc();
      await new Promise((r) => setTimeout(r, 20));
    }
  },
};
__resolve(crossOriginIsolated);
</script></body></html>`;
}
