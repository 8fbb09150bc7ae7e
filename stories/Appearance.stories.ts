/**
 * How the wizard looks: the light and dark palettes (`theme`), a host's own brand through the
 * public CSS custom properties and `::part()`, and a 320 px phone. Each walks to the plan list
 * (buttons, choices, panels) or the payment form, where theming and reflow matter most.
 */
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { DemoProvider } from '../src/providers/demo.js';
import { mounted, renderWizard, wizardArgs, wizardArgTypes, type WizardArgs } from './support/wizard.js';
import { CARD_OK, choose, fill, find, pickPlan, toSignedIn, waitForState } from './support/walk.js';

const meta = {
  title: 'Wizard/Appearance',
  component: 'esim-renewal-wizard',
  render: renderWizard({ tools: () => ({ provider: new DemoProvider({ latencyMs: 0 }) }) }),
  args: wizardArgs(),
  argTypes: wizardArgTypes,
} satisfies Meta<WizardArgs>;

export default meta;
type Story = StoryObj<WizardArgs>;

const toPlans: Story['play'] = async ({ canvasElement }) => {
  const { el } = await mounted(canvasElement);
  await toSignedIn(el, 'demo@example.com');
  await waitForState(el, 'plan.choosing');
};

/** `theme="light"`. */
export const Light: Story = {
  args: { theme: 'light' },
  play: toPlans,
};

/** `theme="dark"`: the dark palette (also what `auto` shows when the system prefers dark). */
export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div style="background: #0d0f12; padding: 1rem">${story()}</div>`],
  play: toPlans,
};

/**
 * A host's brand: the public custom properties (`--esim-color-*`, `--esim-radius`, `--esim-font`,
 * `--esim-focus-ring`) and the parts (`::part(header)`, `::part(primary-button)`, `::part(base)`),
 * from the host page's own stylesheet.
 */
export const CustomBrand: Story = {
  name: 'Custom brand',
  args: { theme: 'light' },
  decorators: [
    (story) => html`<div class="brand-demo">
      <style>
        .brand-demo esim-renewal-wizard {
          --esim-color-primary: #7a1f5c;
          --esim-color-on-primary: #ffffff;
          --esim-color-text: #2a1022;
          --esim-color-muted: #5c4255;
          --esim-color-subtle: #f8eff5;
          --esim-color-border: #9a7a8f;
          --esim-focus-ring: 3px solid #c2185b;
          --esim-radius: 4px;
          --esim-font: Georgia, 'Times New Roman', serif;
        }
        .brand-demo esim-renewal-wizard::part(base) {
          border: 2px solid #7a1f5c;
        }
        .brand-demo esim-renewal-wizard::part(header) {
          background: #7a1f5c;
          color: #ffffff;
          padding: 0.5rem 1rem;
          border-radius: 4px;
        }
        .brand-demo esim-renewal-wizard::part(primary-button) {
          border-radius: 999px;
          letter-spacing: 0.02em;
        }
      </style>
      ${story()}
    </div>`,
  ],
  play: async (context) => {
    await toPlans(context);
    const { el } = await mounted(context.canvasElement);
    const primary = find(el, '[part~="primary-button"]')!;
    await expect(getComputedStyle(primary).backgroundColor).toBe('rgb(122, 31, 92)');
    await expect(getComputedStyle(find(el, '[part~="header"]')!).backgroundColor).toBe('rgb(122, 31, 92)');
  },
};

/**
 * A 320 px wide phone (Storybook's "Small mobile" viewport), on the payment form: everything
 * reflows into one column, nothing scrolls sideways.
 */
export const Mobile320: Story = {
  name: 'Mobile, 320 px',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  parameters: { layout: 'fullscreen' },
  play: async ({ canvasElement }) => {
    const { el } = await mounted(canvasElement);
    await toSignedIn(el, 'demo@example.com');
    await pickPlan(el);
    await choose(el, 'Credit or debit card');
    await fill(el, 'Card number', CARD_OK);
    await expect(window.innerWidth).toBe(320);
    await expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(320);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
  },
};
