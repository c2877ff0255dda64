// Contacts in flight (waiting, or scheduled to come back) in typed arrays with slot reuse.
// Limits: a slot's generation changes on reuse, so stale queue and timer entries are detected.

/** Why a contact exists. */
export const KIND_NEW = 0;
export const KIND_RETRY = 1;
export const KIND_REPEAT = 2;
export const KIND_REOPEN = 3;
export const KIND_CALLBACK = 4;
/** The second leg of a transfer: waits in the target queue for another agent. */
export const KIND_TRANSFER = 5;

export class ContactPool {
  channel = new Int8Array(0);
  queue = new Int16Array(0);
  category = new Int16Array(0);
  customer = new Int32Array(0);
  /** Case slot in the CaseBook, −1 before the case is opened. */
  caseSlot = new Int32Array(0);
  offered = new Float64Array(0);
  no = new Float64Array(0);
  kind = new Int8Array(0);
  attempt = new Int8Array(0);
  gen = new Int32Array(0);
  waiting = new Uint8Array(0);
  /** 0: abandons at its deadline; 1: flows out at its deadline. */
  leaveKind = new Int8Array(0);
  /** Person who must not answer it (the agent who transferred it); −1: anyone. */
  avoid = new Int32Array(0);
  private free: number[] = [];
  private count = 0;
  private capacity = 0;
  private nextNo = 1;
  inFlight = 0;

  constructor() {
    this.grow(1024);
  }

  alloc(
    channel: number,
    queue: number,
    category: number,
    customer: number,
    caseSlot: number,
    offered: number,
    kind: number,
    attempt: number,
  ): number {
    if (this.free.length === 0 && this.count === this.capacity) this.grow(this.capacity * 2);
    const c = this.free.length > 0 ? this.free.pop()! : this.count++;
    this.channel[c] = channel;
    this.queue[c] = queue;
    this.category[c] = category;
    this.customer[c] = customer;
    this.caseSlot[c] = caseSlot;
    this.offered[c] = offered;
    this.no[c] = this.nextNo++;
    this.kind[c] = kind;
    this.attempt[c] = attempt;
    this.waiting[c] = 0;
    this.leaveKind[c] = 0;
    this.avoid[c] = -1;
    this.inFlight++;
    return c;
  }

  release(c: number): void {
    this.gen[c]!++;
    this.waiting[c] = 0;
    this.free.push(c);
    this.inFlight--;
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array>(
      a: T,
      b: T,
    ): T => {
      b.set(a);
      return b;
    };
    this.channel = copy(this.channel, new Int8Array(capacity));
    this.queue = copy(this.queue, new Int16Array(capacity));
    this.category = copy(this.category, new Int16Array(capacity));
    this.customer = copy(this.customer, new Int32Array(capacity));
    this.caseSlot = copy(this.caseSlot, new Int32Array(capacity));
    this.offered = copy(this.offered, new Float64Array(capacity));
    this.no = copy(this.no, new Float64Array(capacity));
    this.kind = copy(this.kind, new Int8Array(capacity));
    this.attempt = copy(this.attempt, new Int8Array(capacity));
    this.gen = copy(this.gen, new Int32Array(capacity));
    this.waiting = copy(this.waiting, new Uint8Array(capacity));
    this.leaveKind = copy(this.leaveKind, new Int8Array(capacity));
    this.avoid = copy(this.avoid, new Int32Array(capacity));
    this.capacity = capacity;
  }
}
