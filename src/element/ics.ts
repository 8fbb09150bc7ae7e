/**
 * A one-event iCalendar file (RFC 5545) reminding the person to renew a few days before the
 * new expiry, following the guide's advice to keep an eye on the balance.
 */

/** Days before expiry the reminder fires. */
export const REMINDER_DAYS_BEFORE = 3;

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Escapes text per RFC 5545 §3.3.11. */
const text = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

export function reminderIcs(o: { expiresAt: string; reference: string; title: string; description: string; now?: number }): string {
  const expires = Date.parse(o.expiresAt);
  const start = expires - REMINDER_DAYS_BEFORE * 86_400_000;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//esim-renewal-wizard//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${text(o.reference)}-renewal-reminder@esim-renewal-wizard`,
    `DTSTAMP:${stamp(o.now ?? Date.now())}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(start + 30 * 60_000)}`,
    `SUMMARY:${text(o.title)}`,
    `DESCRIPTION:${text(o.description)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${text(o.title)}`,
    'TRIGGER:-PT0M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
