// Public surface of the staffing library: Erlang C, Erlang A, agents for a target, cost of SL.
// Limits: pure math, no I/O; steady-state queueing models per interval (see docs/staffing.md).

export { erlangB, erlangC, erlangCWaitProbability, trafficErlangs } from './erlang-c.ts';
export type { ErlangCOptions, ErlangCResult, TrafficOptions } from './erlang-c.ts';
export { erlangA } from './erlang-a.ts';
export type { ErlangAOptions, ErlangAResult } from './erlang-a.ts';
export { agentsForTarget } from './agents-for-target.ts';
export type { AgentsForTargetOptions, AgentsForTargetResult } from './agents-for-target.ts';
export { agentsForTargetErlangA } from './agents-for-target-erlang-a.ts';
export type {
  AgentsForTargetErlangAOptions,
  AgentsForTargetErlangAResult,
} from './agents-for-target-erlang-a.ts';
export { slCostCurve } from './sl-cost-curve.ts';
export type { SlCostCurveOptions, SlCostPoint } from './sl-cost-curve.ts';
export { scheduledAgents } from './scheduled-agents.ts';
export type { StaffingConstraint } from './scheduled-agents.ts';
export { StaffingInputError } from './staffing-input-error.ts';
export type { StaffingIssue } from './staffing-input-error.ts';
export { planIntervals } from './interval-plan.ts';
export type {
  IntervalPlan,
  PlanIntervalsOptions,
  PlanMode,
  PlannedInterval,
  PlanTotals,
  ServiceTarget,
  StaffingModel,
} from './interval-plan.ts';
export { countWeekdays, weekdayProfile } from './weekday-profile.ts';
export type { IntervalObservation, ObservedHistory } from './weekday-profile.ts';
export { BACKLOG_CHANNELS, defaultTarget, intervalPlan } from './plan-from-history.ts';
export type { IntervalPlanOptions, IntervalPlanResult, QueuePlan } from './plan-from-history.ts';
export { planBacklog } from './backlog-plan.ts';
export { combineQueues } from './combine-queues.ts';
export { backlogNeed, backlogShare } from './backlog.ts';
export type { BacklogLoad, BacklogNeed, BacklogNeedOptions, BacklogShare } from './backlog.ts';
