import { describe, expect, it } from 'vitest';
import { defaultMemoryLimit, parseMemoryLimit, setMemoryLimit } from './memory-limit.ts';
import { openWorkspace } from './workspace.ts';

describe('memory limit', () => {
  it('reads amounts in decimal and binary units, and shares of the memory', () => {
    expect(parseMemoryLimit('512MB')).toBe(512e6);
    expect(parseMemoryLimit('2GiB')).toBe(2 * 2 ** 30);
    expect(parseMemoryLimit(' 1.5 gb ')).toBe(1.5e9);
    expect(parseMemoryLimit('25%', 8e9)).toBe(2e9);
  });

  it('rejects anything else, naming the parameter and the forms it takes', () => {
    for (const bad of ['lots', '512', '0MB', '150%', '-1GB', '']) {
      expect(() => parseMemoryLimit(bad), bad).toThrow(
        expect.objectContaining({
          code: 'INVALID_PARAMETER',
          location: expect.objectContaining({ parameter: 'memory-limit' }),
        }),
      );
    }
  });

  it('defaults to a quarter of the memory, at least 256 MiB', () => {
    expect(defaultMemoryLimit(24e9)).toBe(6e9);
    expect(defaultMemoryLimit(5e8)).toBe(256 * 2 ** 20);
  });

  it('sets DuckDB memory_limit on the database', async () => {
    const ws = await openWorkspace({ path: ':memory:' });
    try {
      await setMemoryLimit(ws.runner, 300 * 2 ** 20);
      const [row] = await ws.runner.all(`SELECT current_setting('memory_limit') AS m`);
      expect(row?.['m']).toBe('300.0 MiB');
    } finally {
      await ws.close();
    }
  });
});
