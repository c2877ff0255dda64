// Debian's Chromium, headless, as the browser tests and the dashboard benchmark start it.
// Limits: no download (never `playwright install`); the flags keep it off this closed network.

import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A script that starts Chromium on `cpus` only (taskset's list): every process it forks too. */
function pinned(cpus: string): string {
  const script = join(mkdtempSync(join(tmpdir(), 'cxkpi-chromium-')), 'chromium');
  writeFileSync(script, `#!/bin/sh\nexec taskset -c ${cpus} ${CHROMIUM} "$@"\n`);
  chmodSync(script, 0o755);
  return script;
}

/** `cpus`: keep the browser on these CPUs (the benchmark gives the server the others). */
export function launchChromium({ cpus }: { cpus?: string } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: cpus ? pinned(cpus) : CHROMIUM, args: ARGS });
}
