// stub
import type { KpiResponse } from '../api/types.ts';
import type { Loaded } from '../api/use-api.ts';
export function CostPage({ totals }: { readonly totals: Loaded<KpiResponse> }) {
  return <p>{totals.loading ? '…' : 'cost'}</p>;
}
