// The discrete-event loop: arrivals, FIFO queues, agent slots, abandonment, flow-out, by day.
// Limits: one binary heap of events; contacts still waiting when the period ends are not written.

import { AgentFloor, SLOT_BUSY, SLOT_OFF } from './agent-floor.ts';
import type { SimCalendar, SimDay } from './calendar.ts';
import { CaseBook } from './case-book.ts';
import { CASE_COLUMNS, CONTACT_COLUMNS, Columns, SURVEY_COLUMNS } from './columns.ts';
import {
  ContactPool,
  KIND_CALLBACK,
  KIND_NEW,
  KIND_REOPEN,
  KIND_TRANSFER,
} from './contact-pool.ts';
import { EventHeap } from './event-heap.ts';
import { EV_ARRIVAL, EV_CONTACT, EV_LEAVE, EV_OFF, EV_ON, EV_SLOT_FREE } from './events.ts';
import { PairRing } from './pair-ring.ts';
import type { StaffingPlan } from './plan.ts';
import { Random } from './random.ts';
import type { SimModel } from './sim-model.ts';
import { SurveyModel } from './survey-model.ts';
import { Handling } from './handling.ts';
import { startDay } from './engine-day.ts';

const FLOW_CALLBACK = 1;
const FLOW_VOICEMAIL = 3;

export interface EngineCounts {
  offered: number;
  answered: number;
  abandoned: number;
  flowedOut: number;
  dropped: number;
}

export class Engine {
  readonly model: SimModel;
  readonly cal: SimCalendar;
  readonly plan: StaffingPlan;
  readonly rnd: Random;
  readonly heap = new EventHeap();
  readonly pool = new ContactPool();
  readonly floor: AgentFloor;
  readonly cases: CaseBook;
  readonly waiting: PairRing[];
  readonly callbacks: PairRing[];
  readonly handling: Handling;
  readonly surveys: SurveyModel;
  /** The current day's records; cleared by the caller after reading. */
  readonly contactOut = new Columns(CONTACT_COLUMNS, 8192);
  readonly caseOut = new Columns(CASE_COLUMNS, 8192);
  readonly surveyOut = new Columns(SURVEY_COLUMNS, 2048);
  readonly counts: EngineCounts = {
    offered: 0,
    answered: 0,
    abandoned: 0,
    flowedOut: 0,
    dropped: 0,
  };
  /** Per channel: rate multiplier of the current day (daily noise). */
  readonly noise: Float64Array;
  /** Per channel: cumulative expected arrivals over the current day's intervals. */
  readonly dayCdf: Float64Array[];
  day!: SimDay;
  private readonly customers: number;
  private readonly flowCodes: Int8Array;

  constructor(model: SimModel, cal: SimCalendar, plan: StaffingPlan, seed: number) {
    this.model = model;
    this.cal = cal;
    this.plan = plan;
    this.rnd = new Random(seed, 1);
    const nq = model.queues.length;
    this.floor = new AgentFloor(
      plan.people,
      model.queues.map((q) => q.concurrency),
      nq,
    );
    this.cases = new CaseBook(cal.days.length);
    this.waiting = Array.from({ length: nq }, () => new PairRing());
    this.callbacks = Array.from({ length: nq }, () => new PairRing());
    this.handling = new Handling(model, plan);
    this.surveys = new SurveyModel(model.scenario, cal.end);
    this.noise = new Float64Array(model.channels.length);
    this.dayCdf = model.channels.map(() => new Float64Array(0));
    this.customers = Math.max(1, Math.round(model.scenario.customers * model.scale));
    const reasons = ['timeout', 'callback', 'overflow', 'voicemail', 'other'];
    this.flowCodes = Int8Array.from(model.queues.map((q) => reasons.indexOf(q.cfg.flow_reason)));
  }

  /** Simulates local day `d` (days must run in order); its records land in the *Out buffers. */
  runDay(d: number): void {
    startDay(this, d);
    const heap = this.heap;
    const end = this.day.end;
    while (heap.size > 0 && heap.peekTime() < end) {
      const t = heap.pop();
      const code = heap.code;
      const index = code >> 3;
      switch (code & 7) {
        case EV_ARRIVAL:
          this.arrival(index, t);
          break;
        case EV_CONTACT:
          this.offer(index, t);
          break;
        case EV_LEAVE:
          if (this.pool.gen[index] === heap.tag && this.pool.waiting[index]) this.leave(index, t);
          break;
        case EV_SLOT_FREE:
          if (this.floor.onDuty[this.floor.slotPerson[index]!]) this.findWork(index, t);
          else this.floor.slotState[index] = SLOT_OFF;
          break;
        case EV_ON:
          this.goOn(index, t);
          break;
        case EV_OFF:
          this.floor.goOff(index);
          break;
      }
    }
  }

  /** Writes the cases still open at the end of the period into the case buffer. */
  finish(): void {
    this.counts.dropped += this.pool.inFlight;
    this.cases.flush(this.caseOut, (ch) => this.handling.flagged[ch] === 1);
  }

  private arrival(ch: number, t: number): void {
    const c = this.model.channels[ch]!;
    const cat = c.categories[this.rnd.pick(c.categoryCdf)]!;
    const q = this.model.route[ch * this.model.categories.length + cat]!;
    const cust = this.rnd.int(this.customers);
    this.offer(this.pool.alloc(ch, q, cat, cust, -1, t, KIND_NEW, 0), t);
    const next = this.nextArrival(ch, t);
    if (next < this.day.end) this.heap.push(next, (ch << 3) | EV_ARRIVAL);
  }

  /** Next arrival of a channel's Poisson stream, rates constant per interval (memoryless). */
  nextArrival(ch: number, from: number): number {
    const day = this.day;
    const rates = day.rates[ch]!;
    const len = this.cal.intervalSeconds;
    const f = this.noise[ch]!;
    let t = from;
    let i = Math.floor((t - day.start) / len);
    while (i < day.intervals) {
      const r = rates[i]! * f;
      const edge = day.start + (i + 1) * len;
      if (r > 0) {
        const next = t + this.rnd.exp(1 / r);
        if (next < edge) return next;
      }
      t = edge;
      i++;
    }
    return Infinity;
  }

  private isOpen(ch: number, t: number): boolean {
    const day = this.day;
    const i = Math.floor((t - day.start) / this.cal.intervalSeconds);
    return i >= 0 && i < day.intervals && day.open[ch]![i] === 1;
  }

  /** A contact reaches its queue: straight to an idle agent, or into the FIFO with a deadline. */
  offer(c: number, t: number): void {
    const pool = this.pool;
    const k = pool.caseSlot[c]!;
    if (pool.kind[c] === KIND_REOPEN && k >= 0) {
      this.cases.reopened[k]!++;
      this.cases.resolved[k] = NaN;
    }
    const ch = pool.channel[c]!;
    const q = pool.queue[c]!;
    // A transferred contact is already in the centre: it waits on after closing like the rest.
    const live = !this.model.channels[ch]!.backlog && pool.kind[c] !== KIND_TRANSFER;
    if (live && !this.isOpen(ch, t)) {
      pool.release(c);
      if (k >= 0) this.handling.unresolved(this, k, t);
      return;
    }
    this.counts.offered++;
    const slot = this.floor.takeIdle(q, pool.avoid[c]!);
    if (slot >= 0) {
      this.handling.serve(this, c, slot, t);
      return;
    }
    pool.waiting[c] = 1;
    if (pool.kind[c] === KIND_CALLBACK) {
      this.callbacks[q]!.push(c, pool.gen[c]!);
      return;
    }
    this.waiting[q]!.push(c, pool.gen[c]!);
    const patience = this.model.channels[ch]!.cfg.patience;
    const maxWait = this.model.queues[q]!.cfg.max_wait_s ?? Infinity;
    let stay = Infinity;
    if (patience) {
      stay =
        patience.fast_share > 0 && this.rnd.chance(patience.fast_share)
          ? this.rnd.next() * patience.fast_max_s
          : this.rnd.exp(patience.mean_s);
    }
    pool.leaveKind[c] = maxWait < stay ? 1 : 0;
    const deadline = Math.min(stay, maxWait);
    if (deadline < Infinity) this.heap.push(t + deadline, (c << 3) | EV_LEAVE, pool.gen[c]!);
  }

  /** Patience or the maximum wait ran out before an agent answered. */
  private leave(c: number, t: number): void {
    const pool = this.pool;
    const q = pool.queue[c]!;
    const flows = pool.leaveKind[c] === 1;
    const flow = flows ? this.flowCodes[q]! : -1;
    this.handling.emitUnanswered(this, c, t, flows ? 2 : 1, flow);
    const k = pool.caseSlot[c]!;
    if (flow === FLOW_CALLBACK || flow === FLOW_VOICEMAIL) {
      const cb = pool.alloc(
        pool.channel[c]!,
        q,
        pool.category[c]!,
        pool.customer[c]!,
        k,
        t,
        KIND_CALLBACK,
        0,
      );
      pool.release(c);
      pool.waiting[cb] = 1;
      this.callbacks[q]!.push(cb, pool.gen[cb]!);
      const slot = this.floor.takeIdle(q);
      if (slot >= 0) this.findWork(slot, t);
      return;
    }
    this.handling.afterAbandon(this, c, t);
  }

  /**
   * A free slot takes the oldest waiting contact, then the oldest callback, else goes idle. The
   * agent who transferred the oldest contact leaves it for a colleague (and takes a callback).
   */
  findWork(slot: number, t: number): void {
    const person = this.floor.slotPerson[slot]!;
    const q = this.floor.people[person]!.queue;
    const pool = this.pool;
    const waiting = this.waiting[q]!;
    while (waiting.peek()) {
      const c = waiting.value;
      if (!(pool.gen[c] === waiting.tag && pool.waiting[c])) {
        waiting.shift();
        continue;
      }
      if (pool.avoid[c] === person) break;
      waiting.shift();
      return this.take(c, slot, t);
    }
    const callbacks = this.callbacks[q]!;
    while (callbacks.shift()) {
      const c = callbacks.value;
      if (pool.gen[c] === callbacks.tag && pool.waiting[c]) return this.take(c, slot, t);
    }
    this.floor.makeIdle(slot);
  }

  private take(c: number, slot: number, t: number): void {
    this.floor.slotState[slot] = SLOT_BUSY;
    this.handling.serve(this, c, slot, t);
  }

  private goOn(person: number, t: number): void {
    const f = this.floor;
    if (f.onDuty[person]) return;
    f.onDuty[person] = 1;
    const from = f.slotBase[person]!;
    for (let s = from; s < from + f.slotCount[person]!; s++) {
      if (f.slotState[s] === SLOT_OFF) this.findWork(s, t);
    }
  }
}
