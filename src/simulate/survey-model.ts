// Survey responses: NPS/CSAT/CES from a latent satisfaction (wait, resolution, agent), comments.
// Limits: one latent score per contact (plus noise per question); a small phrase bank.

import type { Columns, SurveyColumn } from './columns.ts';
import { LANGUAGE_ORDER, TOPICS, phraseIndex } from './phrases.ts';
import type { Random } from './random.ts';
import type { Scenario } from './scenario-schema.ts';

/** What the survey model needs to know about one answered contact. */
export interface SurveyInput {
  contactNo: number;
  caseNo: number;
  channel: number;
  queue: number;
  person: number;
  category: number;
  customer: number;
  /** End of the contact (seconds since simulation start). */
  ended: number;
  wait: number;
  waitTolerance: number;
  resolved: boolean;
  /** Contacts of the case so far, this one included. */
  contactCount: number;
  transferred: boolean;
  /** Category, agent level and personal quality shifts of satisfaction. */
  shift: number;
  responseRate: number;
  delayMeanH: number;
}

const T = Object.fromEntries(TOPICS.map((t, i) => [t, i])) as Record<
  (typeof TOPICS)[number],
  number
>;

export class SurveyModel {
  private readonly s: Scenario['surveys'];
  private readonly langCdf: Float64Array;
  private readonly horizon: number;

  constructor(scenario: Scenario, horizon: number) {
    this.s = scenario.surveys;
    this.horizon = horizon;
    const weights = LANGUAGE_ORDER.map((l) => this.s.languages[l] ?? 0);
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    let acc = 0;
    this.langCdf = Float64Array.from(weights.map((w) => (acc += w / total)));
  }

  /** Draws whether the customer responds and, if so, appends one row per question answered. */
  respond(x: SurveyInput, rnd: Random, out: Columns<SurveyColumn>): void {
    if (!rnd.chance(x.responseRate)) return;
    const responded = x.ended + rnd.lognormal(x.delayMeanH * 3600, 1);
    const e = this.s.effects;
    const waitLoad = Math.log1p(x.wait / x.waitTolerance);
    const repeats = x.contactCount - 1;
    const u =
      e.base +
      x.shift +
      (x.resolved ? e.resolved : 0) +
      e.wait * waitLoad +
      e.repeat * repeats +
      (x.transferred ? e.transfer : 0) +
      e.noise * rnd.normal();
    const k = this.s.kinds;
    const wantNps = rnd.chance(k.nps);
    const wantCsat = rnd.chance(k.csat);
    const wantCes = rnd.chance(k.ces);
    const comment = rnd.chance(this.s.comment_probability);
    const variant = rnd.next();
    const nps = clamp(Math.round(5.2 + 2 * (u + 0.6 * rnd.normal())), 0, 10);
    const csat = scaled(u + 0.3 * rnd.normal(), this.s.csat_scale);
    const effort = u + 0.5 * e.repeat * repeats + (x.transferred ? 0.5 * e.transfer : 0);
    const ces = scaled(effort + 0.4 * rnd.normal(), this.s.ces_scale);
    if (responded > this.horizon) return;
    const text = comment ? this.comment(x, u, waitLoad, variant) : -1;
    const commentOn = wantNps ? 0 : wantCsat ? 1 : 2;
    if (wantNps) this.row(out, x, 0, nps, 10, responded, commentOn === 0 ? text : -1);
    if (wantCsat)
      this.row(out, x, 1, csat, this.s.csat_scale, responded, commentOn === 1 ? text : -1);
    if (wantCes) this.row(out, x, 2, ces, this.s.ces_scale, responded, commentOn === 2 ? text : -1);
  }

  private row(
    out: Columns<SurveyColumn>,
    x: SurveyInput,
    kind: number,
    score: number,
    scaleMax: number,
    responded: number,
    comment: number,
  ): void {
    const i = out.add();
    const c = out.cols;
    c.contactNo[i] = x.contactNo;
    c.caseNo[i] = x.caseNo;
    c.kind[i] = kind;
    c.score[i] = score;
    c.scaleMax[i] = scaleMax;
    c.responded[i] = responded;
    c.comment[i] = comment;
    c.channel[i] = x.channel;
    c.queue[i] = x.queue;
    c.person[i] = x.person;
    c.category[i] = x.category;
  }

  /** Sentiment from the latent score; the topic from the contact's strongest driver. */
  private comment(x: SurveyInput, u: number, waitLoad: number, variant: number): number {
    const lang = this.language(x.customer);
    let topic: number;
    if (u >= 1.5) {
      topic = x.resolved
        ? waitLoad < 0.3 && variant < 0.3
          ? T.fast
          : variant < 0.6
            ? T.resolved
            : T.agent
        : T.agent;
    } else if (u >= 0.5) topic = T.neutral;
    else if (waitLoad > 0.7) topic = T.wait;
    else if (x.transferred) topic = T.transfer;
    else if (!x.resolved) topic = x.contactCount > 1 ? T.repeat : T.unresolved;
    else topic = T.general;
    return phraseIndex(lang, topic, (variant * 7.31) % 1);
  }

  /** A customer's language, fixed by a hash of the customer number and the scenario's mix. */
  private language(customer: number): number {
    let h = Math.imul(customer ^ 0x5bd1e995, 0x27d4eb2d);
    h ^= h >>> 15;
    const u = (h >>> 0) / 4294967296;
    for (let i = 0; i < this.langCdf.length; i++) if (u < this.langCdf[i]!) return i;
    return this.langCdf.length - 1;
  }
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/** Latent score → 1..max: the middle of the scale at 0, one step per 4/(max−1) latent units. */
function scaled(u: number, max: number): number {
  return clamp(Math.round((max + 1) / 2 + (u * (max - 1)) / 4), 1, max);
}
