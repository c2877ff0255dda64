// Progress lines on stderr for long benchmark steps, throttled so a 10M build stays readable.
// Limits: plain lines (no cursor tricks), so the output also reads well in a log file.

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Calls `log` at most once per `everyMs`, whatever the call rate. */
export function throttled(everyMs = 2000): (message: () => string) => void {
  let last = 0;
  return (message) => {
    const now = performance.now();
    if (now - last < everyMs) return;
    last = now;
    log(message());
  };
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
