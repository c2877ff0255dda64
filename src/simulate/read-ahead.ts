// Makes batches ahead of a slow async consumer: while the write path awaits DuckDB (native
// threads) the event loop is free, and the next batches are simulated in the meantime.
// Limits: at most `depth` batches wait in memory; one batch is made per event-loop turn.

interface Waiters {
  consumer?: () => void;
  producer?: () => void;
}

export async function* readAhead<T>(source: Iterable<T>, depth: number): AsyncGenerator<T> {
  const it = source[Symbol.iterator]();
  const ready: T[] = [];
  const waiters: Waiters = {};
  const state = { finished: false, stopped: false, failed: false, error: undefined as unknown };
  const wake = (who: keyof Waiters) => {
    const w = waiters[who];
    waiters[who] = undefined;
    w?.();
  };
  const producer = (async () => {
    try {
      for (;;) {
        while (ready.length >= depth && !state.stopped) {
          await new Promise<void>((r) => (waiters.producer = r));
        }
        // Let pending I/O callbacks (the consumer's awaited SQL) run before the next batch.
        await new Promise<void>((r) => setImmediate(r));
        if (state.stopped) break;
        const next = it.next();
        if (next.done) break;
        ready.push(next.value);
        wake('consumer');
      }
    } catch (error) {
      state.failed = true;
      state.error = error;
    } finally {
      state.finished = true;
      wake('consumer');
    }
  })();
  try {
    for (;;) {
      if (ready.length > 0) {
        const value = ready.shift() as T;
        wake('producer');
        yield value;
        continue;
      }
      if (state.failed) throw state.error;
      if (state.finished) break;
      await new Promise<void>((r) => (waiters.consumer = r));
    }
  } finally {
    // Done, or the consumer stopped early (an error in the write path): stop producing.
    state.stopped = true;
    ready.length = 0;
    wake('producer');
    await producer;
    it.return?.();
  }
}
