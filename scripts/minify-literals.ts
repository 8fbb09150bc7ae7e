/**
 * A build plugin that minifies the text of Lit's `css` and `html` tagged templates in our own
 * sources. The JS minifier leaves template text alone, so indentation and comments would ship.
 *
 * - `css`: comments removed, whitespace collapsed, spaces around `{ } ; : ,` dropped. Quoted
 *   strings (e.g. `content: '→ '`) are kept exactly.
 * - `html`: each run of whitespace that contains a line break becomes one space. HTML collapses
 *   such runs to one space anyway, so what renders is unchanged.
 *
 * It parses the module (the bundler's own parser) and rewrites only template quasis.
 */
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export function minifyCss(text: string): string {
  // One pass over comments and quoted strings, left to right, so that an apostrophe in a comment
  // is no string and `/*` in a string is no comment: comments go, strings stay exactly as written.
  const squeeze = (css: string) =>
    css
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};:,])\s*/g, '$1')
      .replace(/;}/g, '}')
      // A number's leading zero (0.5rem → .5rem).
      .replace(/([\s:,(])0\.(\d)/g, '$1.$2');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/\/\*[\s\S]*?\*\/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g)) {
    out += squeeze(text.slice(last, m.index)) + (m[0].startsWith('/*') ? '' : m[0]);
    last = m.index + m[0].length;
  }
  return (out + squeeze(text.slice(last))).replace(/;}/g, '}');
}

export const minifyHtml = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

function walk(node: unknown, visit: (n: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  const n = node as Node;
  if (typeof n.type === 'string') visit(n);
  for (const key of Object.keys(n)) if (key !== 'parent') walk(n[key], visit);
}

export function minifyLiterals(include: RegExp = /\/src\/.*\.ts$/): Plugin {
  return {
    name: 'minify-lit-literals',
    enforce: 'post',
    apply: 'build',
    transform(code, id) {
      if (!include.test(id) || !/\b(html|css)`/.test(code)) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      walk(this.parse(code), (n) => {
        if (n.type !== 'TaggedTemplateExpression') return;
        const tag = n.tag as Node & { name?: string };
        if (tag.type !== 'Identifier' || (tag.name !== 'html' && tag.name !== 'css')) return;
        const quasi = n.quasi as Node & { quasis: (Node & { value: { raw: string } })[] };
        for (const q of quasi.quasis) {
          const raw = code.slice(q.start, q.end);
          const text = tag.name === 'css' ? minifyCss(raw) : minifyHtml(raw);
          if (text !== raw) edits.push({ start: q.start, end: q.end, text });
        }
      });
      if (edits.length === 0) return null;
      let out = code;
      for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return { code: out, map: null };
    },
  };
}
