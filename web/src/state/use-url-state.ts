// React binding of the URL state: read on load and on Back/Forward, push on every change.
// Limits: one instance per page (the App owns it and passes it down through context).

import { useCallback, useEffect, useRef, useState } from 'react';
import { parseState, serializeState, type ViewState } from './url-state.ts';

export type UpdateState = (patch: Partial<ViewState>) => void;

export function useUrlState(): [ViewState, UpdateState] {
  const [state, setState] = useState<ViewState>(() => parseState(window.location.search));

  useEffect(() => {
    const onPop = () => setState(parseState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const first = useRef(true);
  useEffect(() => {
    const search = serializeState(state);
    // The first sync only normalises the address; later changes get their own history entry.
    if (first.current) window.history.replaceState(null, '', search);
    else if (search !== window.location.search) window.history.pushState(null, '', search);
    first.current = false;
  }, [state]);

  const update = useCallback<UpdateState>((patch) => setState((s) => ({ ...s, ...patch })), []);
  return [state, update];
}
