/**
 * `AbortSignal.any`, with a fallback where the browser lacks it: the supported range
 * (package.json's `browserslist`) reaches back to iOS and Safari 16.4 (`any` came in 17.4) and
 * Firefox 115 (in 124). Where the browser has its own, that one is used: it holds the signals
 * weakly, which a script cannot do.
 */

/** A signal that aborts as soon as any of `signals` does, with that signal's reason. */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  // Looked up on each call, not once on load: a test takes it away to run the fallback.
  // eslint-disable-next-line no-restricted-properties -- feature-detected; the fallback follows
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  const abortedAlready = signals.find((signal) => signal.aborted);
  if (abortedAlready) {
    controller.abort(abortedAlready.reason);
    return controller.signal;
  }
  const onAbort = (event: Event): void => {
    // Once one has aborted, none is listened to any more: a long-lived signal (the wizard's)
    // would otherwise keep this one, and whatever listens to it, alive until it aborts too.
    for (const signal of signals) signal.removeEventListener('abort', onAbort);
    controller.abort((event.target as AbortSignal).reason);
  };
  for (const signal of signals) signal.addEventListener('abort', onAbort);
  return controller.signal;
}
