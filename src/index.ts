/** The package's root: exports only, registers nothing (import `esim-renewal-wizard/define` for that). */
export { EsimRenewalWizard } from './element/esim-renewal-wizard.js';
export { StepChangeEvent, BeforeStepChangeEvent } from './element/events.js';
export { RenewalCompleteEvent, WizardErrorEvent, SessionExpiredEvent, PaymentRequestEvent } from './element/events-later.js';
export type { StepChangeDetail, RenewalCompleteDetail, WizardErrorDetail, SessionExpiredDetail, PaymentRequestDetail } from './element/events.js';
export type * from './providers/contract.js';
export { ProviderError } from './providers/errors.js';
export type * from './domain/types.js';
export { STEP_IDS } from './domain/types.js';
