import { expect, fixture, html } from '@open-wc/testing';

describe('browser smoke', () => {
  it('renders and is accessible', async () => {
    const el = await fixture(html`<main><h1>Hello</h1><button>ok</button></main>`);
    expect(el.querySelector('h1')!.textContent).to.equal('Hello');
    await expect(el).to.be.accessible();
  });
});
