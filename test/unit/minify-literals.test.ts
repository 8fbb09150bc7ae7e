/** The build's minifier of Lit's `css` and `html` template text (scripts/minify-literals.ts). */
import { describe, expect, it } from 'vitest';
import { minifyCss, minifyHtml } from '../../scripts/minify-literals.js';

describe('minifyCss', () => {
  it('drops comments (an apostrophe in one included), collapses whitespace and spaces around punctuation', () => {
    const css = `
      /* The later steps' fields: it's one rule. */
      input:not([type='radio'], [type='checkbox']),
      textarea {
        font: inherit;
        width: 100%;
      }`;
    expect(minifyCss(css).trim()).toBe(`input:not([type='radio'],[type='checkbox']),textarea{font:inherit;width:100%}`);
  });

  it("drops a number's leading zero, and only that", () => {
    expect(minifyCss(`a { margin: 0 0.5rem; opacity: 0.75; width: 10.5px; color: rgba(0, 0, 0, 0.5) }`)).toBe(
      `a{margin:0 .5rem;opacity:.75;width:10.5px;color:rgba(0,0,0,.5)}`,
    );
    expect(minifyCss(`a::before { content: '0.5' }`)).toBe(`a::before{content:'0.5'}`);
  });

  it('keeps quoted strings exactly, spaces and comment-like text inside them included', () => {
    expect(minifyCss(`.path li + li::before { content: '→ /* kept */ '; }`)).toBe(`.path li + li::before{content:'→ /* kept */ '}`);
  });
});

describe('minifyHtml', () => {
  it('turns each run of whitespace with a line break into one space, and leaves the rest', () => {
    expect(minifyHtml(`<p>\n      a  b\n    </p>`)).toBe('<p> a  b </p>');
  });
});
