// Picks the page component for the selected tab.
// Limits: pages ship in the main bundle; only ECharts, which the overview does not use, is
// loaded on demand (components/chart.tsx).

import type { KpiResponse } from '../api/types.ts';
import type { Loaded } from '../api/use-api.ts';
import type { PageId } from '../state/url-state.ts';
import { CostPage } from './cost-page.tsx';
import { LoyaltyPage } from './loyalty-page.tsx';
import { OverviewPage } from './overview-page.tsx';
import { QualityPage } from './quality-page.tsx';
import { ReachabilityPage } from './reachability-page.tsx';

export interface CurrentPageProps {
  readonly page: PageId;
  /** Every KPI over the period with the previous period: shared by header and overview. */
  readonly totals: Loaded<KpiResponse>;
}

export function CurrentPage({ page, totals }: CurrentPageProps) {
  switch (page) {
    case 'overview':
      return <OverviewPage totals={totals} />;
    case 'reachability':
      return <ReachabilityPage totals={totals} />;
    case 'quality':
      return <QualityPage totals={totals} />;
    case 'loyalty':
      return <LoyaltyPage totals={totals} />;
    case 'cost':
      return <CostPage totals={totals} />;
  }
}
