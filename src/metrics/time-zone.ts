// IANA time zone names, checked with the runtime's ICU data (the same database DuckDB's ICU
// extension uses), so a workspace never stores a zone that every later report would fail on.

/** True for a zone name the runtime knows ("Europe/Amsterdam", "UTC"; not "Mars/Base", "+01:00"). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z]/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Zones whose city part matches the name's last part ("amsterdam" → Europe/Amsterdam). */
export function suggestTimeZones(name: string): string[] {
  const city = (name.split('/').at(-1) ?? '').toLowerCase().replaceAll(' ', '_');
  if (city === '') return [];
  return Intl.supportedValuesOf('timeZone').filter(
    (z) => (z.split('/').at(-1) ?? '').toLowerCase() === city,
  );
}

export const TIME_ZONE_FIX =
  'Use a name from the IANA time zone database, such as Europe/Amsterdam, America/New_York or UTC.';
