/** What the person takes away at the end: text copied to the clipboard, a calendar reminder. */
import type { WizardContext } from '../machine/context.js';
import type { Messages } from '../i18n/en.js';

/** Copies text to the clipboard; false where the page may not (no permission, no clipboard). */
export function copyText(text: string): Promise<boolean> {
  return navigator.clipboard
    ? navigator.clipboard.writeText(text).then(
        () => true,
        () => false,
      )
    : Promise.resolve(false);
}

/** Downloads an .ics reminder a few days before the new expiry. */
export async function downloadReminder(ctx: WizardContext, m: Messages): Promise<void> {
  const expiresAt = ctx.activation.expiresAt ?? ctx.order?.newExpiresAt;
  if (!expiresAt || !ctx.order) return;
  // The calendar file's writer is fetched when asked for (once, at the end, if at all).
  const { reminderIcs } = await import('./ics.js');
  const ics = reminderIcs({ expiresAt, reference: ctx.order.reference, title: m.done.reminderTitle, description: m.done.reminderText(ctx.order.reference) });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'esim-renewal-reminder.ics';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
