import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings.ts';
import {
  applySettings,
  overrideFromPairs,
  overridePairs,
  withOverride,
} from './settings-override.ts';

describe('settings for one query and for config set', () => {
  it('reads setting=value pairs by the paths `cxkpi config get` shows; values are JSON or text', () => {
    const o = overrideFromPairs(
      [
        'service_level.variant=answered-only',
        'service_level.threshold_s=30',
        'service_level.threshold_s_by_channel={"chat": 60}',
        'targets.asa=25',
        'service_level.threshold_s=15',
      ],
      '--set',
    );
    expect(o).toEqual({
      service_level: {
        variant: 'answered-only',
        threshold_s: 15,
        threshold_s_by_channel: { chat: 60 },
      },
      targets: { asa: 25 },
    });
    expect(overridePairs(o)).toEqual([
      'service_level.variant=answered-only',
      'service_level.threshold_s=15',
      'service_level.threshold_s_by_channel.chat=60',
      'targets.asa=25',
    ]);
  });

  it('merges objects key by key over the base and leaves the base untouched', () => {
    const base = applySettings({}, { 'service_level.threshold_s_by_channel': { voice: 30 } });
    const s = withOverride(base, { service_level: { threshold_s_by_channel: { chat: 60 } } });
    expect(s.service_level.threshold_s_by_channel).toEqual({ voice: 30, chat: 60 });
    expect(base.service_level.threshold_s_by_channel).toEqual({ voice: 30 });
    expect(withOverride(base, undefined)).toBe(base);
  });

  it('config set replaces the value at its path', () => {
    const stored = { service_level: { threshold_s_by_channel: { voice: 30, chat: 60 } } };
    const s = applySettings(stored, { 'service_level.threshold_s_by_channel': { email: 86400 } });
    expect(s.service_level.threshold_s_by_channel).toEqual({ email: 86400 });
  });

  it('refuses malformed pairs and keys that are no setting, __proto__ included', () => {
    expect(() => overrideFromPairs(['variant'], 'set')).toThrow(/expected setting=value/);
    expect(() => overrideFromPairs(['__proto__.polluted=1'], 'set')).toThrow(/Unknown setting/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const parsed = JSON.parse('{"__proto__": {"polluted": 1}}') as Record<string, never>;
    expect(() => withOverride(defaultSettings(), parsed)).toThrow(/Unknown setting/);
    expect(() => withOverride(defaultSettings(), { timezone: 'Mars/Base' })).toThrow(
      /not an IANA time zone/,
    );
  });
});
