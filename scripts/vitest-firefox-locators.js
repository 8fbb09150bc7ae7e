/* global document -- this file runs in the test page, not in Node */
// Vitest's locators for the Firefox provider (scripts/vitest-firefox.ts), loaded into the test
// page: an element or a query becomes a CSS path through shadow roots, which the provider's
// commands resolve and act on with real input. (As Vitest's WebdriverIO provider does.)
import {
  Locator,
  convertElementToCssSelector,
  getByAltTextSelector,
  getByLabelSelector,
  getByPlaceholderSelector,
  getByRoleSelector,
  getByTestIdSelector,
  getByTextSelector,
  getByTitleSelector,
  selectorEngine,
} from '@vitest/browser/locators';
import { page, server, utils } from 'vitest/browser';
import { __INTERNAL } from 'vitest/internal/browser';

class FirefoxLocator extends Locator {
  constructor(query, container) {
    super();
    this._pwSelector = query;
    this._container = container;
  }

  /** The CSS path of each element the query finds, as the provider's commands take it. */
  get selector() {
    const paths = this.elements().map((element) => convertElementToCssSelector(element));
    if (!paths.length) throw utils.getElementError(this._pwSelector, this._container || document.body);
    return paths.join(', ');
  }

  locator(query) {
    return new FirefoxLocator(`${this._pwSelector} >> ${query}`, this._container);
  }

  elementLocator(element) {
    return new FirefoxLocator(selectorEngine.generateSelectorSimple(element), element);
  }
}

page.extend({
  getByLabelText: (text, options) => new FirefoxLocator(getByLabelSelector(text, options)),
  getByRole: (role, options) => new FirefoxLocator(getByRoleSelector(role, options)),
  getByTestId: (testId) => new FirefoxLocator(getByTestIdSelector(server.config.browser.locators.testIdAttribute, testId)),
  getByAltText: (text, options) => new FirefoxLocator(getByAltTextSelector(text, options)),
  getByPlaceholder: (text, options) => new FirefoxLocator(getByPlaceholderSelector(text, options)),
  getByText: (text, options) => new FirefoxLocator(getByTextSelector(text, options)),
  getByTitle: (title, options) => new FirefoxLocator(getByTitleSelector(title, options)),
  elementLocator: (element) => new FirefoxLocator(selectorEngine.generateSelectorSimple(element), element),
});
__INTERNAL._createLocator = (query) => new FirefoxLocator(query);
