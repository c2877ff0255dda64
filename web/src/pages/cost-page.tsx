// Cost and staffing: cost per resolution by channel and team, and the staffing plan (required
// against staffed agents per interval). Limits: the plan covers the voice queue (or the channel
// and queue chosen); the other filters do not apply to it (said on the card).

import { useChannelSplit } from '../api/channel-split.ts';
import type { KpiResponse } from '../api/types.ts';
import type { Loaded } from '../api/use-api.ts';
import { FigureStrip } from '../components/figure-strip.tsx';
import { useView } from '../state/view-context.ts';
import { CostCard } from './cost-card.tsx';
import { StaffingCard } from './staffing-card.tsx';

export function CostPage({ totals }: { readonly totals: Loaded<KpiResponse> }) {
  const split = useChannelSplit(useView());
  return (
    <div className="grid grid-top" data-testid="cost">
      <div className="card-wide">
        <FigureStrip
          kpis={['cost_per_resolution', 'service_level', 'aht', 'asa']}
          totals={totals.data}
          split={split.data}
        />
      </div>
      <CostCard dim="channel" />
      <CostCard dim="team" />
      <StaffingCard />
    </div>
  );
}
