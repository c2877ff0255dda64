// Progress for long work: a bar on stderr at a terminal, a line every few seconds otherwise,
// nothing when quiet. Progress never goes to stdout, so piped output stays clean.

import { SingleBar, Presets } from 'cli-progress';
import type { CliIo } from './io.ts';

export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

export function progress(
  io: CliIo,
  { total, unit, quiet = false }: { total?: number; unit: string; quiet?: boolean },
): Progress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (io.isTTY && process.stderr.isTTY && total) {
    const bar = new SingleBar(
      {
        format: `{bar} {percentage}% | {value}/{total} ${unit} | {label}`,
        stream: process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0, { label: '' });
    return {
      update: (done, label = '') => bar.update(Math.min(done, total), { label }),
      stop: () => bar.stop(),
    };
  }
  // Off a terminal, report only work that takes a while, every few seconds.
  let last = Date.now();
  return {
    update(done, label = '') {
      const now = Date.now();
      if (now - last < 3000) return;
      last = now;
      io.err(
        `… ${done.toLocaleString('en-GB')}${total ? ` / ${total.toLocaleString('en-GB')}` : ''} ${unit} ${label}\n`,
      );
    },
    stop: () => undefined,
  };
}
