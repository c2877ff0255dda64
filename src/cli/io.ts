// Where CLI output goes. Commands write through this, never to process.* directly, so tests
// run the CLI in process and read what it printed.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal: tables by default, colours unless NO_COLOR. */
  readonly isTTY: boolean;
  /** stderr is a terminal: progress bars (else progress lines). */
  readonly errIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

export function bufferIo({
  isTTY = false,
  env = {},
}: { isTTY?: boolean; env?: Record<string, string> } = {}): CliIo & {
  stdout(): string;
  stderr(): string;
} {
  let out = '';
  let err = '';
  return {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    isTTY,
    errIsTTY: false,
    env,
    stdout: () => out,
    stderr: () => err,
  };
}
