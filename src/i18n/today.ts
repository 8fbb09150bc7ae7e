/** Today's calendar day in the person's time zone, `YYYY-MM-DD` (the format of `<input type=date>`). */
export function localToday(now = Date.now()): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
