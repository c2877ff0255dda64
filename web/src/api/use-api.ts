// React hook around fetchJson: the latest URL wins, earlier answers are ignored.
// Limits: no polling; a null URL means "nothing to load yet".

import { useEffect, useState } from 'react';
import { fetchJson } from './client.ts';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
}

export function useApi<T>(url: string | null): Loaded<T> {
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
      (e: unknown) =>
        live && setState({ url, data: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  const current = state.url === url;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: url !== null && !current,
  };
}

/** Several documents at once (e.g. pages of rows); data when all have loaded. */
export function useApiAll<T>(urls: readonly string[] | null): Loaded<readonly T[]> {
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
      (e: unknown) =>
        live && setState({ key, data: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  const current = state.key === key;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: key !== null && !current,
  };
}
