// React binding of the URL state: read on load and on Back/Forward, push on every change.
// Limits: one instance per page (the App owns it and passes it down through context).

import { useCallback, useEffect, useState } from 'react';
import { parseState, serializeState, type ViewState } from './url-state.ts';

export type UpdateState = (patch: Partial<ViewState>) => void;

export function useUrlState(): [ViewState, UpdateState] {
  const [state, setState] = useState<ViewState>(() => parseState(window.location.search));

  useEffect(() => {
    const onPop = () => setState(parseState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    const search = serializeState(state);
    if (search !== window.location.search) window.history.pushState(null, '', search);
  }, [state]);

  const update = useCallback<UpdateState>((patch) => setState((s) => ({ ...s, ...patch })), []);
  return [state, update];
}
