/**
 * The provider when the host set none: the HTTP provider for an `api-base`, else the in-browser
 * demo. Each is its own chunk: a page loads only the one it uses.
 */
import { ACTIVATION_SCENARIOS, type ActivationScenario } from '../domain/codes.js';
import type { Provider } from '../providers/contract.js';

/** The demo's activation scenario: an unknown one is reported (checkAttributes) and means `immediate`. */
export function validScenario(name: string): ActivationScenario {
  return ACTIVATION_SCENARIOS.find((s) => s === name) ?? 'immediate';
}

export async function fallbackProvider(options: { readonly apiBase: string | null; readonly demoScenario: string }): Promise<Provider> {
  if (options.apiBase) return new (await import('../providers/http.js')).HttpProvider({ apiBase: options.apiBase });
  return new (await import('../providers/demo.js')).DemoProvider({ scenario: validScenario(options.demoScenario) });
}

/** The demo follows `demo-scenario` as it changes; another provider has no scenario. */
export function followScenario(provider: Provider | undefined, name: string): void {
  if (provider && 'scenario' in provider) (provider as { scenario: ActivationScenario }).scenario = validScenario(name);
}
