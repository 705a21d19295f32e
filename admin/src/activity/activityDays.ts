/*
 * The API filters by instant (at_gte, at_lte); people think in days of their own time zone. A
 * day typed here becomes the instant its local day starts ("From") or ends ("Until"), so that
 * "Until 2026-11-30" includes the 30th; the URL keeps the instant, the input shows the day.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');
/** The local day of an instant, as the inputs and the filter chips show it. */
export const dayOf = (value: unknown) => {
  if (typeof value !== 'string' || !value.includes('T')) return (value as string | undefined) ?? '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
const instantAt = (time: string) => (value: string) =>
  DAY.test(value) && !Number.isNaN(Date.parse(`${value}T${time}`)) ? new Date(`${value}T${time}`).toISOString() : value;
export const startOfDay = instantAt('00:00:00');
export const endOfDay = instantAt('23:59:59.999');
