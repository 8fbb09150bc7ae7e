// custom-elements.json, generated from the element's JSDoc (its class comment is the public
// contract):  cem analyze --config custom-elements-manifest.config.mjs  (npm run build:manifest)
// The manifest describes the package as published: its module paths point at dist/lib/*.js.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const toDist = (path) => path.replace(/^src\//, 'dist/lib/').replace(/\.ts$/, '.js');

/** Calls `fn` on every object in the tree. */
function walk(node, fn) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, fn));
  if (!node || typeof node !== 'object') return;
  fn(node);
  Object.values(node).forEach((v) => walk(v, fn));
}

export default {
  globs: ['src/element/esim-renewal-wizard.ts', 'src/element/events.ts', 'src/element/events-later.ts', 'src/define.ts'],
  exclude: ['src/testing/**', 'src/standalone.*', 'src/embed.ts'],
  outdir: '.',
  litelement: true,
  // package.json's "customElements" field is kept by hand.
  packagejson: false,
  plugins: [
    {
      name: 'esim:public-contract',
      packageLinkPhase({ customElementsManifest: manifest }) {
        const modules = manifest.modules;
        const classes = new Map(modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === 'class').map((d) => [d.name, m.path])));
        for (const mod of modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.kind !== 'class') continue;
            // ES private members (#name) are not part of any contract.
            if (decl.members) decl.members = decl.members.filter((m) => !m.name.startsWith('#') && m.privacy !== 'private');
            // Built-in superclasses (Event, HTMLElement) are globals, not of this module.
            if (decl.superclass && decl.superclass.module === mod.path && !classes.has(decl.superclass.name)) {
              decl.superclass = { name: decl.superclass.name, package: 'global:' };
            }
            if (decl.customElement) {
              // The class comment's @fires name each event; dispatchEvent calls found in the code add nameless duplicates.
              decl.events = (decl.events ?? []).filter((e) => e.name);
              for (const event of decl.events) {
                const name = event.type?.text;
                // Each event type is one of our Event subclasses, whose `detail` field carries the detail type.
                if (name && classes.has(name)) event.type.references = [{ name, module: toDist(classes.get(name)), start: 0, end: name.length }];
              }
              const versionField = decl.members?.find((m) => m.name === 'version' && m.static);
              if (versionField) versionField.default = `'${version}'`;
            }
          }
        }
        // Paths as published: src/x.ts → dist/lib/x.js.
        walk(modules, (node) => {
          for (const key of ['path', 'module']) if (typeof node[key] === 'string' && node[key].startsWith('src/')) node[key] = toDist(node[key]);
        });
      },
    },
  ],
};
