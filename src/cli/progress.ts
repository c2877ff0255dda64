// Progress for long work: a bar on stderr when stderr is a terminal, a line every few seconds
// otherwise, nothing when quiet. Progress never goes to stdout, so piped output stays clean.

import { SingleBar, Presets } from 'cli-progress';
import type { CliIo } from './io.ts';

export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** The amount of the whole work; without it there is no bar, only lines. */
  readonly total?: number;
  readonly unit: string;
  readonly quiet?: boolean;
  /** How an amount is shown (default: grouped digits). */
  readonly amount?: (n: number) => string;
  /** Off a terminal: at most one line per this many milliseconds. */
  readonly everyMs?: number;
}

const grouped = (n: number) => n.toLocaleString('en-GB');

export function progress(
  io: CliIo,
  { total, unit, quiet = false, amount = grouped, everyMs = 3000 }: ProgressOptions,
): Progress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (io.errIsTTY && total) {
    const bar = new SingleBar(
      {
        format: `{bar} {percentage}% | {done} / {size} ${unit} | {label}`,
        stream: process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0, { label: '', done: amount(0), size: amount(total) });
    return {
      update: (done, label = '') => {
        const d = Math.min(done, total);
        bar.update(d, { label, done: amount(d) });
      },
      stop: () => bar.stop(),
    };
  }
  // Off a terminal, report only work that takes a while, every few seconds.
  let last = Date.now();
  return {
    update(done, label = '') {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      io.err(`… ${amount(done)}${total ? ` / ${amount(total)}` : ''} ${unit} ${label}\n`);
    },
    stop: () => undefined,
  };
}
