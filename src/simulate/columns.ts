// Growable struct-of-arrays buffers (one Float64Array per column) for the records of one day.
// Limits: numbers only (strings are built when records are materialised); cleared after each day.

export class Columns<K extends string> {
  readonly names: readonly K[];
  cols: Record<K, Float64Array>;
  n = 0;
  private capacity: number;

  constructor(names: readonly K[], capacity = 4096) {
    this.names = names;
    this.capacity = capacity;
    this.cols = alloc(names, capacity);
  }

  /** Appends an empty row and returns its index. */
  add(): number {
    if (this.n === this.capacity) this.grow();
    return this.n++;
  }

  /** Appends every row of `other` (same columns). */
  appendFrom(other: Columns<K>): void {
    while (this.capacity < this.n + other.n) this.grow();
    for (const k of this.names) this.cols[k].set(other.cols[k].subarray(0, other.n), this.n);
    this.n += other.n;
  }

  /** Bytes held by the column arrays. */
  get bytes(): number {
    return this.capacity * this.names.length * 8;
  }

  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const next = alloc(this.names, this.capacity * 2);
    for (const k of this.names) next[k].set(this.cols[k]);
    this.cols = next;
    this.capacity *= 2;
  }
}

function alloc<K extends string>(names: readonly K[], capacity: number): Record<K, Float64Array> {
  const out = {} as Record<K, Float64Array>;
  for (const k of names) out[k] = new Float64Array(capacity);
  return out;
}

export const CONTACT_COLUMNS = [
  'no',
  'channel',
  'queue',
  'outbound',
  'person',
  'customer',
  'caseNo',
  'category',
  'offered',
  'answered',
  'ended',
  'talk',
  'hold',
  'acw',
  'outcome',
  'flow',
  'transferred',
] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];

export const CASE_COLUMNS = [
  'no',
  'customer',
  'category',
  'channel',
  'queue',
  'person',
  'created',
  'firstResponse',
  'resolved',
  'reopened',
  'status',
  'fcrFlag',
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];

export const SURVEY_COLUMNS = [
  'contactNo',
  'caseNo',
  'kind',
  'score',
  'scaleMax',
  'responded',
  'comment',
  'channel',
  'queue',
  'person',
  'category',
] as const;
export type SurveyColumn = (typeof SURVEY_COLUMNS)[number];

/** Outcome codes in the contact buffer. */
export const OUTCOME_CODES = ['answered', 'abandoned', 'flowed_out'] as const;
/** Case status codes in the case buffer. */
export const STATUS_CODES = ['solved', 'open', 'reopened'] as const;
/** Survey kind codes in the survey buffer. */
export const KIND_CODES = ['nps', 'csat', 'ces'] as const;
