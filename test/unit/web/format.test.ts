// The dashboard shows each duration (seconds in every API row) in the unit its definition's
// `display` names: ASA in s, AHT in min:s, time to resolution in hours — values, deltas, both
// languages — taking the display units from the same /definitions the server sends.

import { describe, expect, it } from 'vitest';
import { kpiDefinitions } from '../../../src/server/definitions-route.ts';
import { defaultSettings } from '../../../src/metrics/settings.ts';
import type { KpiDefinitionInfo } from '../../../web/src/api/types.ts';
import { displaysOf, formatDelta, formatKpi } from '../../../web/src/format/format.ts';

const defs: readonly KpiDefinitionInfo[] = kpiDefinitions(defaultSettings());
const en = { lang: 'en' as const, currency: 'EUR', displays: displaysOf(defs) };
const nl = { ...en, lang: 'nl' as const };

describe('durations on the dashboard', () => {
  it('takes the display units from /definitions', () => {
    expect(displaysOf(defs)).toEqual({ aht: 'minutes', time_to_resolution: 'hours' });
  });

  it('shows time to resolution in hours from a value in seconds', () => {
    expect(formatKpi(en, 'time_to_resolution', 'seconds', 109_440)).toBe('30.4 h');
    expect(formatKpi(nl, 'time_to_resolution', 'seconds', 109_440)).toBe('30,4 h');
    expect(formatKpi(en, 'time_to_resolution', 'seconds', null)).toBe('—');
    expect(formatDelta(en, 'time_to_resolution', 'seconds', -5_400)).toBe('-1.5 h');
    expect(formatDelta(en, 'time_to_resolution', 'seconds', 5_400)).toBe('+1.5 h');
  });

  it('keeps ASA in seconds and AHT in minutes and seconds', () => {
    expect(formatKpi(en, 'asa', 'seconds', 12.4)).toBe('12 s');
    expect(formatKpi(en, 'asa', 'seconds', 119.4)).toBe('119 s');
    // Long waits (e-mail) move up a unit: minutes from 2 minutes, hours from 1 hour.
    expect(formatKpi(en, 'asa', 'seconds', 125)).toBe('2:05 min');
    expect(formatKpi(en, 'asa', 'seconds', 33_719)).toBe('9.4 h');
    expect(formatKpi(nl, 'asa', 'seconds', 33_719)).toBe('9,4 h');
    expect(formatDelta(en, 'asa', 'seconds', -7_200)).toBe('-2.0 h');
    expect(formatKpi(en, 'aht', 'seconds', 450)).toBe('7:30 min');
    expect(formatDelta(en, 'aht', 'seconds', -30)).toBe('-0:30 min');
  });

  it('without display units (no definitions) a duration reads as seconds, never mislabelled', () => {
    const bare = { lang: 'en' as const, currency: 'EUR' };
    expect(formatKpi(bare, 'time_to_resolution', 'seconds', 45)).toBe('45 s');
    // A long one moves up a unit with its label: 109,440 s is 30.4 h, never "109,440 h".
    expect(formatKpi(bare, 'time_to_resolution', 'seconds', 109_440)).toBe('30.4 h');
  });
});
