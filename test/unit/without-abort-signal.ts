/**
 * Takes `AbortSignal.any` away, as in a browser that lacks it (iOS and Safari before 17.4,
 * Firefox before 124), so a test in Node runs the fallback in src/providers/abort.ts. Returns
 * what puts it back.
 */
export function withoutAbortSignal(name: 'any'): () => void {
  const native = Object.getOwnPropertyDescriptor(AbortSignal, name);
  if (!native) throw new Error(`AbortSignal.${name} is missing already: nothing to take away`);
  Reflect.deleteProperty(AbortSignal, name);
  return () => Object.defineProperty(AbortSignal, name, native);
}
