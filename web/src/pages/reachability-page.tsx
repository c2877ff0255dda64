// stub
import type { KpiResponse } from '../api/types.ts';
import type { Loaded } from '../api/use-api.ts';
export function ReachabilityPage({ totals }: { readonly totals: Loaded<KpiResponse> }) {
  return <p>{totals.loading ? '…' : 'reachability'}</p>;
}
