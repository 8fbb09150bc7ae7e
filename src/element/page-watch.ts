/**
 * What the wizard watches on the page while it is connected: its `payment` slot (the host's
 * payment UI may come and go), the network (a call that failed for want of it is tried again
 * once it is back) and the page going away or out of sight (what was entered is saved then).
 */
export interface PageWatchHooks {
  /** The host's light-DOM children changed (the `payment` slot). */
  slotChanged(): void;
  /** The device went on or off line. */
  connectivityChanged(online: boolean): void;
  /** The page is going away (a reload, a closed tab) or out of sight (another app). */
  leaving(): void;
}

/** Starts watching; returns what stops it. */
export function watchPage(host: Element, hooks: PageWatchHooks): () => void {
  const slot = new MutationObserver(() => hooks.slotChanged());
  slot.observe(host, { childList: true });
  const online = () => hooks.connectivityChanged(true);
  const offline = () => hooks.connectivityChanged(false);
  addEventListener('online', online);
  addEventListener('offline', offline);
  const away = () => hooks.leaving();
  const hidden = () => {
    if (document.visibilityState === 'hidden') away();
  };
  addEventListener('pagehide', away);
  document.addEventListener('visibilitychange', hidden);
  return () => {
    slot.disconnect();
    removeEventListener('online', online);
    removeEventListener('offline', offline);
    removeEventListener('pagehide', away);
    document.removeEventListener('visibilitychange', hidden);
  };
}
