// Public surface of the simulator: build a demo workspace from a scenario, load scenarios.
// Limits: everything else in this folder is internal (the event loop, plan, record makers).

export { simulate } from './simulate.ts';
export type { SimulateOptions } from './simulate.ts';
export { loadScenario, parseScenario, scenarioNames } from './load-scenario.ts';
export type { Scenario, ScenarioInput } from './scenario-schema.ts';
export type { SimulationSummary } from './summary.ts';
