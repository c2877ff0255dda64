// The period just before a given one, of equal length in days (for compare=previous-period).
// Limits: calendar days, not calendar months: June 1–30 (30 days) compares with May 2–31.

const DAY_MS = 86_400_000;

const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = Math.round((toMs(to) - toMs(from)) / DAY_MS) + 1;
  return { from: toDay(toMs(from) - days * DAY_MS), to: toDay(toMs(from) - DAY_MS) };
}
