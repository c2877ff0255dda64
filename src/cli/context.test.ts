// The global --memory-limit flag (and $CXKPI_MEMORY_LIMIT) reaches DuckDB for every command's
// workspace; a bad value stops the command with INVALID_PARAMETER before the workspace opens.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultMemoryLimit } from '../workspace/memory-limit.ts';
import { makeCtx, withWorkspace } from './context.ts';
import { bufferIo } from './io.ts';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'cxkpi-ctx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function duckdbLimit(args: string[], env: Record<string, string> = {}): Promise<string> {
  const program = new Command().option('--db <file>').option('--memory-limit <size>');
  program.parse(['node', 'cxkpi', '--db', join(dir, 'ws.duckdb'), ...args]);
  const ctx = makeCtx(program, bufferIo({ env }));
  return withWorkspace(ctx, async (ws) => {
    const [row] = await ws.runner.all(`SELECT current_setting('memory_limit') AS m`);
    return String(row?.['m']);
  });
}

describe('DuckDB memory limit of CLI workspaces', () => {
  it('--memory-limit, else $CXKPI_MEMORY_LIMIT, else a quarter of the memory', async () => {
    expect(await duckdbLimit(['--memory-limit', '300MiB'])).toBe('300.0 MiB');
    expect(await duckdbLimit([], { CXKPI_MEMORY_LIMIT: '200MiB' })).toBe('200.0 MiB');
    const fallback = await duckdbLimit([]);
    // DuckDB shows large limits in GiB with one decimal: compare in bytes, to 0.1 GiB.
    const [value, unit] = fallback.split(' ');
    const bytes = Number(value) * (unit === 'GiB' ? 2 ** 30 : 2 ** 20);
    expect(Math.abs(bytes - defaultMemoryLimit())).toBeLessThanOrEqual(0.1 * 2 ** 30);
  });

  it('a bad value is a user error naming the flag', async () => {
    const io = bufferIo();
    const code = await main(
      ['node', 'cxkpi', '--db', join(dir, 'ws.duckdb'), '--memory-limit', 'lots', 'quarantine'],
      io,
    );
    expect(code).toBe(2);
    expect(io.stderr()).toContain('Invalid memory limit "lots"');
  });
});
