/**
 * The wizard in each of its languages (the `lang` attribute). Only the language in use is loaded:
 * each story waits for its catalog, then checks that the content carries that `lang`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { en } from '../src/i18n/en.js';
import { LANGUAGE_NAMES, type Locale } from '../src/i18n/locales.js';
import { mounted, renderWizard, wizardArgs, wizardArgTypes, type WizardArgs } from './support/wizard.js';
import { heading, renderedLang, state, waitForLocale } from './support/walk.js';

const meta = {
  title: 'Wizard/Languages',
  component: 'esim-renewal-wizard',
  render: renderWizard(),
  args: wizardArgs(),
  argTypes: wizardArgTypes,
} satisfies Meta<WizardArgs>;

export default meta;
type Story = StoryObj<WizardArgs>;

const englishHeading = en.validity.title;

function inLanguage(locale: Locale): Story {
  return {
    name: `${LANGUAGE_NAMES[locale]} (${locale})`,
    args: { lang: locale },
    play: async ({ canvasElement }) => {
      const { el } = await mounted(canvasElement);
      await waitForLocale(el, locale);
      await expect(renderedLang(el)).toBe(locale);
      await expect(state(el)).toBe('validity');
      if (locale === 'en') await expect(heading(el)).toBe(englishHeading);
      else await expect(heading(el)).not.toBe(englishHeading);
    },
  };
}

export const English: Story = inLanguage('en');
export const Japanese: Story = inLanguage('ja');
export const SimplifiedChinese: Story = inLanguage('zh-Hans');
export const TraditionalChinese: Story = inLanguage('zh-Hant');
export const Korean: Story = inLanguage('ko');
