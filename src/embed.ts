/**
 * The embed build's entry (`dist/embed/esim-renewal-wizard.js`): one script that registers
 * `<esim-renewal-wizard>`, with Lit and XState inside and the lazy parts as sibling chunks.
 */
import './define.js';
