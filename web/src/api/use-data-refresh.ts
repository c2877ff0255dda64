// Keeps an open dashboard current: every minute (while the tab is visible) and when the window
// regains focus it asks the server for its data version, and if it changed reloads every view on
// screen. The version changes with every import (also one that only replaces rows) and every
// settings change (GET /api/v1/data-version).

import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { API, dataLoadedAt, fetchFresh, onRefresh, refreshData } from './client.ts';

export const CHECK_EVERY_MS = 60_000;
/** The first check waits for the page's own requests, so it does not slow the first paint. */
const FIRST_CHECK_MS = 3_000;

/** The workspace's data version, as the server states it. */
export async function dataVersion(): Promise<string> {
  return (await fetchFresh<{ version: string }>(`${API}/data-version`)).version;
}

export interface DataRefresh {
  /** When the data on screen was asked for, epoch ms. */
  readonly loadedAt: number;
  /** Reload every view now. */
  readonly refresh: () => void;
}

export function useDataRefresh(): DataRefresh {
  const loadedAt = useSyncExternalStore(onRefresh, dataLoadedAt);
  const known = useRef<string | null>(null);

  const check = useCallback(async () => {
    try {
      const v = await dataVersion();
      if (known.current !== null && v !== known.current) refreshData();
      known.current = v;
    } catch {
      // A failed check is not news: the next one (or a view's own request) will show the error.
    }
  }, []);

  useEffect(() => {
    const visible = () => document.visibilityState === 'visible';
    const first = window.setTimeout(() => void check(), FIRST_CHECK_MS);
    const timer = window.setInterval(() => visible() && void check(), CHECK_EVERY_MS);
    const onFocus = () => void check();
    const onVisible = () => visible() && void check();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [check]);

  const refresh = useCallback(() => {
    refreshData();
    void check();
  }, [check]);
  return { loadedAt, refresh };
}
