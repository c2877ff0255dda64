// A contact's fate: handle-time parts, transfer, case resolution, repeats, reopens, retries.
// Limits: a transfer is two contact records of one case (first agent, then a second agent in the
// target queue); the second leg is never transferred again.

import { ACTION_REOPEN, ACTION_REPEAT, ACTION_RESOLVE } from './case-book.ts';
import { KIND_CALLBACK, KIND_RETRY, KIND_TRANSFER } from './contact-pool.ts';
import type { Engine } from './engine.ts';
import { EV_CONTACT, EV_SLOT_FREE } from './events.ts';
import type { StaffingPlan } from './plan.ts';
import type { SimModel } from './sim-model.ts';
import type { SurveyInput } from './survey-model.ts';

const DAY = 86_400;
/** Share of a normal talk time the first agent spends before transferring. */
const TRANSFER_TALK_SHARE = 0.5;
const logit = (p: number) => Math.log(p / (1 - p));

export class Handling {
  /** Per channel: 1 when its cases carry the source FCR flag. */
  readonly flagged: Uint8Array;
  private readonly model: SimModel;
  private readonly catLogit: Float64Array;
  private readonly catTalk: Float64Array;
  private readonly catReopen: Float64Array;
  private readonly catTransfer: Float64Array;
  private readonly catSatisfaction: Float64Array;
  private readonly personAht: Float64Array;
  private readonly personFcr: Float64Array;
  private readonly personSatisfaction: Float64Array;
  private readonly survey: SurveyInput;

  constructor(model: SimModel, plan: StaffingPlan) {
    this.model = model;
    const s = model.scenario;
    const cats = model.categories.map((c) => s.categories[c]!);
    this.catLogit = Float64Array.from(cats.map((c) => logit(c.fcr)));
    this.catTalk = Float64Array.from(cats.map((c) => c.talk_factor));
    this.catReopen = Float64Array.from(cats.map((c) => c.reopen));
    this.catTransfer = Float64Array.from(cats.map((c) => c.transfer_factor));
    this.catSatisfaction = Float64Array.from(cats.map((c) => c.satisfaction));
    const levels = s.agents.levels;
    this.personAht = Float64Array.from(
      plan.people.map((p) => levels[p.level]!.aht_factor * p.speed),
    );
    this.personFcr = Float64Array.from(
      plan.people.map((p) => levels[p.level]!.fcr_logit + p.quality),
    );
    this.personSatisfaction = Float64Array.from(
      plan.people.map((p) => levels[p.level]!.satisfaction + 0.5 * p.quality),
    );
    this.flagged = Uint8Array.from(
      model.channels.map((c) => (s.cases.fcr_flag_channels.includes(c.name) ? 1 : 0)),
    );
    this.survey = {
      contactNo: 0,
      caseNo: 0,
      channel: 0,
      queue: 0,
      person: 0,
      category: 0,
      customer: 0,
      ended: 0,
      wait: 0,
      waitTolerance: 1,
      resolved: false,
      contactCount: 1,
      transferred: false,
      shift: 0,
      responseRate: 0,
      delayMeanH: 1,
    };
  }

  /** An agent slot answers contact `c` at time `t`. */
  serve(e: Engine, c: number, slot: number, t: number): void {
    const pool = e.pool;
    const rnd = e.rnd;
    const person = e.floor.slotPerson[slot]!;
    const ch = pool.channel[c]!;
    const cat = pool.category[c]!;
    const chan = this.model.channels[ch]!;
    const h = chan.cfg.handle;
    const f = this.catTalk[cat]! * this.personAht[person]!;
    const talkMean = h.talk_s * f;
    let talk: number;
    let hold = 0;
    let acw = 0;
    if (h.model === 'exponential') talk = rnd.exp(talkMean);
    else {
      talk = rnd.lognormal(talkMean, h.talk_cv);
      if (h.hold_share > 0 && rnd.chance(h.hold_share)) hold = rnd.lognormal(h.hold_s, h.hold_cv);
      if (h.acw_s > 0) acw = rnd.lognormal(h.acw_s * this.personAht[person]!, h.acw_cv);
    }
    // A transfer leg (the second agent) is not transferred again.
    const leg = pool.kind[c] === KIND_TRANSFER;
    const pt = leg ? 0 : chan.cfg.transfer_probability * this.catTransfer[cat]!;
    if (pt > 0 && rnd.chance(pt)) {
      // The first agent talks until it is clear someone else must help (a share of a normal
      // talk), puts the customer on hold to hand over, and writes a note (ACW).
      this.transfer(e, c, slot, person, t, talk * TRANSFER_TALK_SHARE, rnd.lognormal(45, 0.6), acw);
      return;
    }
    const ended = t + talk + hold;
    const done = chan.backlog ? t + talk : ended;
    const cs = this.model.scenario.cases;
    let k = pool.caseSlot[c]!;
    if (k < 0)
      k = e.cases.open(pool.customer[c]!, cat, ch, pool.queue[c]!, person, pool.offered[c]!, done);
    const n = ++e.cases.contacts[k]!;
    const z =
      this.catLogit[cat]! +
      this.personFcr[person]! +
      cs.handle_fcr_logit * Math.log(talk / talkMean) +
      (leg ? cs.transfer_fcr_logit : n > 1 ? cs.repeat_fcr_logit : 0);
    const resolved = rnd.next() * (1 + Math.exp(-z)) < 1;
    const i = this.emit(e, c, person, t, ended, talk, hold, acw, 0, -1, false);
    e.contactOut.cols.caseNo[i] = e.cases.no[k]!;
    e.counts.answered++;
    const x = this.survey;
    x.contactNo = pool.no[c]!;
    x.caseNo = e.cases.no[k]!;
    x.channel = ch;
    x.queue = pool.queue[c]!;
    x.person = person;
    x.category = cat;
    x.customer = pool.customer[c]!;
    x.ended = ended;
    x.wait = t - pool.offered[c]!;
    x.waitTolerance = chan.cfg.wait_tolerance_s;
    x.resolved = resolved;
    // The customer sees a transfer as one contact (the transfer effect covers it), not a repeat.
    x.contactCount = leg ? n - 1 : n;
    x.transferred = leg;
    x.shift = this.catSatisfaction[cat]! + this.personSatisfaction[person]!;
    x.responseRate = pool.kind[c] === KIND_CALLBACK ? 0 : chan.cfg.survey.response_rate;
    x.delayMeanH = chan.cfg.survey.delay_mean_h;
    e.surveys.respond(x, rnd, e.surveyOut);
    pool.release(c);
    if (resolved) this.resolve(e, k, done, n === 1);
    else this.unresolved(e, k, done);
    e.heap.push(t + talk + hold + acw, (slot << 3) | EV_SLOT_FREE);
  }

  /**
   * The first leg of a transfer: written as an answered contact flagged `transferred`, with the
   * first agent's talk, hold and ACW; the case stays undecided. The second leg enters the target
   * queue when the hold ends and waits there for another agent (same case, customer, category).
   */
  private transfer(
    e: Engine,
    c: number,
    slot: number,
    person: number,
    t: number,
    talk: number,
    hold: number,
    acw: number,
  ): void {
    const pool = e.pool;
    const ch = pool.channel[c]!;
    const ended = t + talk + hold;
    const done = this.model.channels[ch]!.backlog ? t + talk : ended;
    let k = pool.caseSlot[c]!;
    if (k < 0) {
      const cat = pool.category[c]!;
      k = e.cases.open(pool.customer[c]!, cat, ch, pool.queue[c]!, person, pool.offered[c]!, done);
    }
    e.cases.contacts[k]!++;
    const i = this.emit(e, c, person, t, ended, talk, hold, acw, 0, -1, true);
    e.contactOut.cols.caseNo[i] = e.cases.no[k]!;
    e.counts.answered++;
    const to = this.model.queues[pool.queue[c]!]!.transferTo;
    const next = pool.alloc(
      ch,
      to,
      pool.category[c]!,
      pool.customer[c]!,
      k,
      ended,
      KIND_TRANSFER,
      0,
    );
    pool.avoid[next] = person;
    e.heap.push(ended, (next << 3) | EV_CONTACT);
    pool.release(c);
    e.heap.push(ended + acw, (slot << 3) | EV_SLOT_FREE);
  }

  /** Appends a contact record; returns its row. */
  emit(
    e: Engine,
    c: number,
    person: number,
    answered: number,
    ended: number,
    talk: number,
    hold: number,
    acw: number,
    outcome: number,
    flow: number,
    transferred: boolean,
  ): number {
    const pool = e.pool;
    const out = e.contactOut;
    const i = out.add();
    const o = out.cols;
    o.no[i] = pool.no[c]!;
    o.channel[i] = pool.channel[c]!;
    o.queue[i] = pool.queue[c]!;
    o.outbound[i] = pool.kind[c] === KIND_CALLBACK ? 1 : 0;
    o.person[i] = person;
    o.customer[i] = pool.customer[c]!;
    const k = pool.caseSlot[c]!;
    o.caseNo[i] = k >= 0 ? e.cases.no[k]! : -1;
    o.category[i] = pool.category[c]!;
    o.offered[i] = pool.offered[c]!;
    o.answered[i] = answered;
    o.ended[i] = ended;
    o.talk[i] = talk;
    o.hold[i] = hold;
    o.acw[i] = acw;
    o.outcome[i] = outcome;
    o.flow[i] = flow;
    o.transferred[i] = transferred ? 1 : 0;
    return i;
  }

  emitUnanswered(e: Engine, c: number, t: number, outcome: number, flow: number): void {
    this.emit(e, c, -1, NaN, t, NaN, NaN, NaN, outcome, flow, false);
    if (outcome === 1) e.counts.abandoned++;
    else e.counts.flowedOut++;
  }

  /** The customer left the queue: maybe tries again soon; an open case goes on otherwise. */
  afterAbandon(e: Engine, c: number, t: number): void {
    const pool = e.pool;
    const retry = this.model.channels[pool.channel[c]!]!.cfg.retry;
    const k = pool.caseSlot[c]!;
    if (
      retry.probability > 0 &&
      pool.attempt[c]! + 1 < retry.max_attempts &&
      e.rnd.chance(retry.probability)
    ) {
      const at = t + e.rnd.lognormal(retry.delay_mean_s, 0.8);
      const r = pool.alloc(
        pool.channel[c]!,
        pool.queue[c]!,
        pool.category[c]!,
        pool.customer[c]!,
        k,
        at,
        KIND_RETRY,
        pool.attempt[c]! + 1,
      );
      e.heap.push(at, (r << 3) | EV_CONTACT);
    } else if (k >= 0) this.unresolved(e, k, t);
    pool.release(c);
  }

  /** The case was resolved at `time`: it may reopen later, else it is final. */
  resolve(e: Engine, k: number, time: number, first: boolean): void {
    const cases = e.cases;
    cases.resolved[k] = time;
    if (first && cases.reopened[k] === 0) cases.firstResolved[k] = 1;
    if (e.rnd.chance(this.catReopen[cases.category[k]!]!)) {
      const at = time + e.rnd.lognormal(this.model.scenario.cases.reopen_delay_days * DAY, 0.8);
      cases.schedule(this.nextDay(e, at), k, ACTION_REOPEN, at);
    } else cases.close(k, e.caseOut, this.flagged[cases.channel[k]!] === 1);
  }

  /** Not resolved at `time`: the customer comes back days later, or the back office resolves it. */
  unresolved(e: Engine, k: number, time: number): void {
    const cs = this.model.scenario.cases;
    const rnd = e.rnd;
    if (e.cases.contacts[k]! < cs.max_contacts && rnd.chance(cs.repeat_probability)) {
      const at = time + rnd.lognormal(cs.repeat_delay_days * DAY, 0.8);
      e.cases.schedule(this.nextDay(e, at), k, ACTION_REPEAT, at);
      return;
    }
    const at = time + rnd.lognormal(cs.backoffice_delay_h * 3600, 0.8);
    const day = this.dayOf(e, at);
    if (day <= e.day.index) this.resolve(e, k, at, false);
    else e.cases.schedule(day, k, ACTION_RESOLVE, at);
  }

  /** Agenda day of `t`, but never today (today's agenda has been read). */
  private nextDay(e: Engine, t: number): number {
    return Math.max(e.day.index + 1, this.dayOf(e, t));
  }

  dayOf(e: Engine, t: number): number {
    const days = e.cal.days;
    let d = Math.min(days.length - 1, Math.max(0, Math.floor(t / DAY)));
    while (d > 0 && days[d]!.start > t) d--;
    while (d < days.length - 1 && days[d]!.end <= t) d++;
    return t >= e.cal.end ? days.length : d;
  }
}
