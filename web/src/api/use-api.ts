// React hook around fetchJson: the latest URL wins, earlier answers are ignored, and every view
// loads again after refreshData(). Limits: while a refresh loads, the previous answer stays on
// screen (no flash of "Loading…"); a null URL means "nothing to load yet".

import { useEffect, useState, useSyncExternalStore } from 'react';
import { dataEpoch, fetchJson, onRefresh } from './client.ts';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The data epoch as React state: components re-render and reload when it moves. */
export const useDataEpoch = (): number => useSyncExternalStore(onRefresh, dataEpoch);

export function useApi<T>(url: string | null): Loaded<T> {
  const epoch = useDataEpoch();
  const [state, setState] = useState<{ url: string | null; data: T | null; error: string | null }>({
    url: null,
    data: null,
    error: null,
  });
  useEffect(() => {
    if (url === null) return;
    let live = true;
    fetchJson<T>(url).then(
      (data) => live && setState({ url, data, error: null }),
      (e: unknown) => live && setState({ url, data: null, error: message(e) }),
    );
    return () => {
      live = false;
    };
  }, [url, epoch]);
  const current = state.url === url;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: url !== null && !current,
  };
}

/** Several documents at once (e.g. pages of rows); data when all have loaded. */
export function useApiAll<T>(urls: readonly string[] | null): Loaded<readonly T[]> {
  const epoch = useDataEpoch();
  const key = urls ? urls.join('\n') : null;
  const [state, setState] = useState<{
    key: string | null;
    data: T[] | null;
    error: string | null;
  }>({ key: null, data: null, error: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    Promise.all(key.split('\n').map((u) => fetchJson<T>(u))).then(
      (data) => live && setState({ key, data, error: null }),
      (e: unknown) => live && setState({ key, data: null, error: message(e) }),
    );
    return () => {
      live = false;
    };
  }, [key, epoch]);
  const current = state.key === key;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: key !== null && !current,
  };
}
