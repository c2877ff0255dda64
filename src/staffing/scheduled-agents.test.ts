import { describe, it, expect } from 'vitest';
import { agentsForOccupancy, intervalCost, scheduledAgents } from './scheduled-agents.ts';
import { StaffingInputError, validateStaffingInput } from './staffing-input-error.ts';

describe('scheduled agents and input checks', () => {
  it('rounds scheduled headcount up, but not float noise', () => {
    expect(scheduledAgents(14, 0.3)).toBe(20); // 14 / 0.7 is 20 up to the last bit
    expect(scheduledAgents(14, 0.35)).toBe(22);
    expect(scheduledAgents(0, 0.3)).toBe(0);
    expect(agentsForOccupancy(10, 0.8)).toBe(13);
    expect(agentsForOccupancy(12, 0.8)).toBe(15);
    expect(intervalCost(14, 0.3, 1800, 20)).toBeCloseTo(200, 12);
  });

  it('reports every bad parameter at once with a stable code', () => {
    const check = () =>
      validateStaffingInput({
        volume: [-1, 'nonNegative'],
        ahtSeconds: [0, 'positive'],
        targetSl: [0.8, 'fraction'],
        shrinkage: ['0.3', 'fractionBelowOne'],
      });
    expect(check).toThrow(StaffingInputError);
    expect(check).toThrow(/volume must be a finite number >= 0 \(got -1\)/);
    try {
      check();
    } catch (e) {
      const err = e as StaffingInputError;
      expect(err.code).toBe('STAFFING_INVALID_INPUT');
      expect(err.issues.map((i) => i.parameter)).toEqual(['volume', 'ahtSeconds', 'shrinkage']);
    }
  });
});
