// User-fixable input errors for the staffing math: a stable code plus every bad parameter at once.
// Limits: checks types and ranges only; an in-range value can still describe an unrealistic centre.

/** One rejected parameter: its name, the value given and what was expected. */
export interface StaffingIssue {
  readonly parameter: string;
  readonly value: unknown;
  readonly expected: string;
}

/** Thrown when staffing inputs are out of range; the message names every bad parameter. */
export class StaffingInputError extends Error {
  readonly code = 'STAFFING_INVALID_INPUT';
  readonly issues: readonly StaffingIssue[];

  constructor(issues: readonly StaffingIssue[]) {
    super(
      'Invalid staffing input: ' +
        issues
          .map((i) => `${i.parameter} must be ${i.expected} (got ${String(i.value)})`)
          .join('; '),
    );
    this.name = 'StaffingInputError';
    this.issues = issues;
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const RULES = {
  nonNegative: { expected: 'a finite number >= 0', ok: (v: unknown) => isNum(v) && v >= 0 },
  positive: { expected: 'a finite number > 0', ok: (v: unknown) => isNum(v) && v > 0 },
  positiveInteger: {
    expected: 'a whole number >= 1',
    ok: (v: unknown) => isNum(v) && Number.isInteger(v) && v >= 1,
  },
  fraction: { expected: 'a number from 0 to 1', ok: (v: unknown) => isNum(v) && v >= 0 && v <= 1 },
  fractionBelowOne: {
    expected: 'a number from 0 up to but not including 1',
    ok: (v: unknown) => isNum(v) && v >= 0 && v < 1,
  },
  fractionAboveZero: {
    expected: 'a number above 0 and at most 1',
    ok: (v: unknown) => isNum(v) && v > 0 && v <= 1,
  },
} as const;

/** How a parameter is checked; see `RULES` for the exact ranges. */
export type StaffingRule = keyof typeof RULES;

/**
 * Checks every `[value, rule]` pair and throws one `StaffingInputError` listing all failures, so a
 * caller fixes everything in one go instead of one parameter per run.
 */
export function validateStaffingInput(
  checks: Readonly<Record<string, readonly [unknown, StaffingRule]>>,
): void {
  const issues: StaffingIssue[] = [];
  for (const [parameter, [value, rule]] of Object.entries(checks)) {
    if (!RULES[rule].ok(value)) issues.push({ parameter, value, expected: RULES[rule].expected });
  }
  if (issues.length > 0) throw new StaffingInputError(issues);
}
