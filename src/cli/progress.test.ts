import { describe, expect, it } from 'vitest';
import { bufferIo } from './io.ts';
import { progress } from './progress.ts';

describe('progress off a terminal', () => {
  it('writes plain lines to stderr (never stdout), amounts as given; nothing when quiet', () => {
    const io = bufferIo();
    const p = progress(io, {
      total: 209_851_873,
      unit: 'MB',
      everyMs: 0,
      amount: (n) => (n / 1e6).toFixed(1),
    });
    p.update(104_925_936, 'calls.csv: reading');
    p.stop();
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toBe('… 104.9 / 209.9 MB calls.csv: reading\n');
    const quiet = bufferIo();
    progress(quiet, { total: 10, unit: 'rows', quiet: true, everyMs: 0 }).update(5);
    expect(quiet.stderr()).toBe('');
  });
});
