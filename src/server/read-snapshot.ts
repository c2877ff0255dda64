// One consistent view of the workspace for a read that spans several statements (a CSV export
// paging through 10,000 rows at a time): a transaction on the request's connection, opened only
// once the derived fact tables match the data, so no statement inside has to rebuild them.
// Limits: DuckDB snapshot isolation; an import committing meanwhile is seen by the next request.

import { derivedIsCurrent, ensureDerived } from '../engine/derived.ts';
import type { Runner } from '../engine/runner.ts';

const ATTEMPTS = 5;

/** Begins the snapshot; the returned function ends it (COMMIT: the reads wrote nothing). */
export async function beginReadSnapshot(runner: Runner): Promise<() => Promise<void>> {
  for (let i = 0; i < ATTEMPTS; i++) {
    await ensureDerived(runner);
    await runner.exec('BEGIN TRANSACTION');
    if (await derivedIsCurrent(runner)) {
      let ended = false;
      return async () => {
        if (ended) return;
        ended = true;
        await runner.exec('COMMIT');
      };
    }
    // An import committed between the build and BEGIN: build again, then retry.
    await runner.exec('ROLLBACK');
  }
  throw new Error(`the data changed ${ATTEMPTS} times while an export started`);
}
