// Open cases (typed-array pool) and the per-day agenda: repeat contact, reopen, back-office fix.
// Limits: one pending action per case; actions past the end of the period are dropped.

import type { CaseColumn, Columns } from './columns.ts';

/** What a case waits for on its agenda day. */
export const ACTION_REPEAT = 0;
export const ACTION_REOPEN = 1;
export const ACTION_RESOLVE = 2;

export class CaseBook {
  no: Float64Array;
  customer: Int32Array;
  category: Int16Array;
  channel: Int8Array;
  queue: Int16Array;
  person: Int32Array;
  created: Float64Array;
  firstResponse: Float64Array;
  resolved: Float64Array;
  reopened: Int16Array;
  contacts: Int16Array;
  /** 1 when the first contact resolved the case. */
  firstResolved: Uint8Array;
  live: Uint8Array;
  private free: number[] = [];
  private capacity = 0;
  private count = 0;
  private nextNo = 1;
  /** agenda[day] = flat triples (case slot, action, time). */
  readonly agenda: number[][];

  constructor(days: number) {
    this.agenda = Array.from({ length: days }, () => []);
    this.no = new Float64Array(0);
    this.customer = new Int32Array(0);
    this.category = new Int16Array(0);
    this.channel = new Int8Array(0);
    this.queue = new Int16Array(0);
    this.person = new Int32Array(0);
    this.created = new Float64Array(0);
    this.firstResponse = new Float64Array(0);
    this.resolved = new Float64Array(0);
    this.reopened = new Int16Array(0);
    this.contacts = new Int16Array(0);
    this.firstResolved = new Uint8Array(0);
    this.live = new Uint8Array(0);
    this.grow(1024);
  }

  /** Opens a case at its first handled contact; returns its slot. */
  open(
    customer: number,
    category: number,
    channel: number,
    queue: number,
    person: number,
    created: number,
    firstResponse: number,
  ): number {
    if (this.free.length === 0 && this.count === this.capacity) this.grow(this.capacity * 2);
    const k = this.free.length > 0 ? this.free.pop()! : this.count++;
    this.no[k] = this.nextNo++;
    this.customer[k] = customer;
    this.category[k] = category;
    this.channel[k] = channel;
    this.queue[k] = queue;
    this.person[k] = person;
    this.created[k] = created;
    this.firstResponse[k] = firstResponse;
    this.resolved[k] = NaN;
    this.reopened[k] = 0;
    this.contacts[k] = 0;
    this.firstResolved[k] = 0;
    this.live[k] = 1;
    return k;
  }

  /** Puts an action on the agenda of `day` (dropped past the horizon: the case stays as it is). */
  schedule(day: number, k: number, action: number, time: number): void {
    if (day < this.agenda.length) this.agenda[day]!.push(k, action, time);
  }

  /** Writes the case to the day's output and frees its slot. */
  close(k: number, out: Columns<CaseColumn>, flagged: boolean): void {
    emit(this, k, out, flagged);
    this.live[k] = 0;
    this.free.push(k);
  }

  /** Writes every case still open at the end of the period. */
  flush(out: Columns<CaseColumn>, flaggedChannel: (ch: number) => boolean): void {
    for (let k = 0; k < this.count; k++) {
      if (this.live[k]) this.close(k, out, flaggedChannel(this.channel[k]!));
    }
  }

  private grow(capacity: number): void {
    const g = <T extends Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.no = g(this.no, (n) => new Float64Array(n));
    this.customer = g(this.customer, (n) => new Int32Array(n));
    this.category = g(this.category, (n) => new Int16Array(n));
    this.channel = g(this.channel, (n) => new Int8Array(n));
    this.queue = g(this.queue, (n) => new Int16Array(n));
    this.person = g(this.person, (n) => new Int32Array(n));
    this.created = g(this.created, (n) => new Float64Array(n));
    this.firstResponse = g(this.firstResponse, (n) => new Float64Array(n));
    this.resolved = g(this.resolved, (n) => new Float64Array(n));
    this.reopened = g(this.reopened, (n) => new Int16Array(n));
    this.contacts = g(this.contacts, (n) => new Int16Array(n));
    this.firstResolved = g(this.firstResolved, (n) => new Uint8Array(n));
    this.live = g(this.live, (n) => new Uint8Array(n));
    this.capacity = capacity;
  }
}

function emit(b: CaseBook, k: number, out: Columns<CaseColumn>, flagged: boolean): void {
  const i = out.add();
  const c = out.cols;
  const resolved = b.resolved[k]!;
  c.no[i] = b.no[k]!;
  c.customer[i] = b.customer[k]!;
  c.category[i] = b.category[k]!;
  c.channel[i] = b.channel[k]!;
  c.queue[i] = b.queue[k]!;
  c.person[i] = b.person[k]!;
  c.created[i] = b.created[k]!;
  c.firstResponse[i] = b.firstResponse[k]!;
  c.resolved[i] = resolved;
  c.reopened[i] = b.reopened[k]!;
  c.status[i] = resolved === resolved ? 0 : b.reopened[k]! > 0 ? 2 : 1;
  c.fcrFlag[i] = flagged ? (b.firstResolved[k] && b.reopened[k] === 0 ? 1 : 0) : -1;
}
