// Loyalty: NPS with its benchmark and interval, promoters/passives/detractors over time, the
// verbatim comments of the period by group, and customer effort (CES).
// Limits: comments are NPS comments only (the API's /surveys/comments).

import type { KpiResponse } from '../api/types.ts';
import type { Loaded } from '../api/use-api.ts';
import { FigureStrip } from '../components/figure-strip.tsx';
import { CesCard } from './ces-card.tsx';
import { CommentsCard } from './comments-card.tsx';
import { NpsTrendCard } from './nps-trend-card.tsx';

export function LoyaltyPage({ totals }: { readonly totals: Loaded<KpiResponse> }) {
  return (
    <div className="grid" data-testid="loyalty">
      <div className="card-wide">
        <FigureStrip kpis={['nps', 'ces', 'ces_positive', 'csat']} totals={totals.data} />
      </div>
      <NpsTrendCard />
      <CesCard />
      <CommentsCard />
    </div>
  );
}
