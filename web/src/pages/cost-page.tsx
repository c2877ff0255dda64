// Cost and staffing: cost per resolution by channel, and the staffing plan (required against
// staffed agents per interval). Limits: the plan's SL target is fixed at 80/20 for now.

import type { KpiResponse } from '../api/types.ts';
import type { Loaded } from '../api/use-api.ts';
import { FigureStrip } from '../components/figure-strip.tsx';
import { CostCard } from './cost-card.tsx';
import { StaffingCard } from './staffing-card.tsx';

export function CostPage({ totals }: { readonly totals: Loaded<KpiResponse> }) {
  return (
    <div className="grid" data-testid="cost">
      <div className="card-wide">
        <FigureStrip
          kpis={['cost_per_resolution', 'service_level', 'aht', 'asa']}
          rows={totals.data?.rows ?? []}
        />
      </div>
      <CostCard dim="channel" />
      <CostCard dim="team" />
      <StaffingCard />
    </div>
  );
}
