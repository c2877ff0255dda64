// Agents on the floor: who is on duty, their contact slots (chat concurrency) and, per queue, the
// idle slots in the order they became free. Limits: an agent serves one queue; longest-idle first.

import { PairRing } from './pair-ring.ts';
import type { Person } from './plan.ts';

export const SLOT_OFF = 0;
export const SLOT_IDLE = 1;
export const SLOT_BUSY = 2;

export class AgentFloor {
  readonly people: readonly Person[];
  readonly onDuty: Uint8Array;
  readonly slotBase: Int32Array;
  readonly slotCount: Int8Array;
  readonly slotPerson: Int32Array;
  readonly slotState: Int8Array;
  readonly slotToken: Int32Array;
  readonly idle: PairRing[];

  constructor(people: readonly Person[], concurrency: readonly number[], queues: number) {
    this.people = people;
    this.onDuty = new Uint8Array(people.length);
    this.slotBase = new Int32Array(people.length);
    this.slotCount = new Int8Array(people.length);
    let n = 0;
    people.forEach((p, i) => {
      this.slotBase[i] = n;
      this.slotCount[i] = concurrency[p.queue]!;
      n += concurrency[p.queue]!;
    });
    this.slotPerson = new Int32Array(n);
    people.forEach((_, i) =>
      this.slotPerson.fill(i, this.slotBase[i]!, this.slotBase[i]! + this.slotCount[i]!),
    );
    this.slotState = new Int8Array(n);
    this.slotToken = new Int32Array(n);
    this.idle = Array.from({ length: queues }, () => new PairRing());
  }

  /**
   * The longest-idle slot of a queue, marked busy; −1 when none is free. Slots of `avoid` (the
   * agent who transferred the contact) are passed over and queued again behind the others.
   */
  takeIdle(queue: number, avoid = -1): number {
    const ring = this.idle[queue]!;
    let found = -1;
    const skipped: number[] = [];
    while (ring.shift()) {
      const s = ring.value;
      if (this.slotState[s] !== SLOT_IDLE || this.slotToken[s] !== ring.tag) continue;
      if (this.slotPerson[s] === avoid) {
        skipped.push(s, ring.tag);
        continue;
      }
      this.slotState[s] = SLOT_BUSY;
      found = s;
      break;
    }
    for (let i = 0; i < skipped.length; i += 2) ring.push(skipped[i]!, skipped[i + 1]!);
    return found;
  }

  /** Marks a slot idle and queues it behind the slots that were idle before. */
  makeIdle(slot: number): void {
    this.slotState[slot] = SLOT_IDLE;
    const token = ++this.slotToken[slot]!;
    this.idle[this.people[this.slotPerson[slot]!]!.queue]!.push(slot, token);
  }

  /** Takes an agent off duty (shift end, break): idle slots leave the idle queue at once. */
  goOff(person: number): void {
    this.onDuty[person] = 0;
    const from = this.slotBase[person]!;
    for (let s = from; s < from + this.slotCount[person]!; s++) {
      if (this.slotState[s] === SLOT_IDLE) this.slotState[s] = SLOT_OFF;
    }
  }
}
