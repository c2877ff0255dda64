// Reachability: SL next to ASA (and AHT, abandon rate) per channel, the weekday × interval
// heatmap, volumes per day, waiting time per day and its distribution, and the AHT split.
// Limits: staffing lives on the cost page; the heatmap and waiting time show one channel.

import { useChannelSplit } from '../api/channel-split.ts';
import { rowFor } from '../api/rows.ts';
import type { KpiResponse } from '../api/types.ts';
import type { Loaded } from '../api/use-api.ts';
import { FigureStrip } from '../components/figure-strip.tsx';
import { useView } from '../state/view-context.ts';
import { AhtSplitCard } from './aht-split-card.tsx';
import { HeatmapCard } from './heatmap-card.tsx';
import { HistogramCard } from './histogram-card.tsx';
import { VolumeCard } from './volume-card.tsx';
import { WaitCard } from './wait-card.tsx';

export function ReachabilityPage({ totals }: { readonly totals: Loaded<KpiResponse> }) {
  const split = useChannelSplit(useView());
  const rows = totals.data?.rows ?? [];
  return (
    <div className="grid" data-testid="reachability">
      <div className="card-wide">
        <FigureStrip
          kpis={['service_level', 'asa', 'aht', 'abandon_rate']}
          totals={totals.data}
          split={split.data}
        />
      </div>
      <HeatmapCard />
      <VolumeCard />
      <WaitCard />
      <HistogramCard asa={rowFor(rows, 'asa')} />
      <AhtSplitCard />
    </div>
  );
}
