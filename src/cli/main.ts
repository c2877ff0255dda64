// The CLI entry point: builds the command tree and turns errors into messages and exit codes.
// The only place that decides the exit code; commands throw.

import { Command, CommanderError } from 'commander';
import { isUserError } from '../errors.ts';
import { makeCtx } from './context.ts';
import { processIo, type CliIo } from './io.ts';
import { registerConfig } from './commands/config.ts';
import { registerDemo } from './commands/demo.ts';
import { registerImport } from './commands/import.ts';
import { registerQuarantine } from './commands/quarantine.ts';
import { registerServe } from './commands/serve.ts';
import { registerKpis } from './commands/kpis.ts';
import { registerReport } from './commands/report.ts';
import { registerStaffing } from './commands/staffing.ts';

export function buildProgram(io: CliIo): Command {
  const program = new Command('cxkpi')
    .description('Exact, reconcilable contact-centre KPIs with their definitions, n and period')
    .option('--db <file>', 'workspace file (default ./cxkpi.duckdb or $CXKPI_DB)')
    .option(
      '--memory-limit <size>',
      "DuckDB's memory limit, e.g. 2GB or 25% (default a quarter of the memory, or $CXKPI_MEMORY_LIMIT); beyond it DuckDB spills to <workspace>.tmp",
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const ctx = makeCtx(program, io);
  registerReport(program, ctx);
  registerKpis(program, ctx);
  registerConfig(program, ctx);
  registerImport(program, ctx);
  registerQuarantine(program, ctx);
  registerDemo(program, ctx);
  registerServe(program, ctx);
  registerStaffing(program, ctx);
  for (const cmd of program.commands)
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  return program;
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (isUserError(e)) {
      io.err(`error [${e.code}]: ${e.describe()}\n`);
      return 2;
    }
    io.err(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
