// Engine buffers → canonical records: string ids, UTC Dates in whole milliseconds, seconds.
// Limits: ids are deterministic per scenario and seed, so two runs into one workspace share keys.

import type { CanonicalRecord } from '../ingest/index.ts';
import { FLOW_REASONS } from '../model/fields.ts';
import type { SimCalendar } from './calendar.ts';
import type { CaseColumn, Columns, ContactColumn, SurveyColumn } from './columns.ts';
import { KIND_CODES, OUTCOME_CODES, STATUS_CODES } from './columns.ts';
import { PHRASES } from './phrases.ts';
import type { Person } from './plan.ts';
import type { SimModel } from './sim-model.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const contactId = (no: number) => `CT${pad(no, 9)}`;
export const caseId = (no: number) => `CS${pad(no, 8)}`;
export const customerId = (index: number) => `KL${pad(index + 1, 7)}`;

export class RecordMaker {
  private readonly origin: number;
  private readonly channels: readonly string[];
  private readonly queues: readonly string[];
  private readonly categories: readonly string[];
  private readonly people: readonly Person[];

  constructor(model: SimModel, cal: SimCalendar, people: readonly Person[]) {
    this.origin = cal.originMs;
    this.channels = model.channels.map((c) => c.name);
    this.queues = model.queues.map((q) => q.name);
    this.categories = model.categories;
    this.people = people;
  }

  /** Whole milliseconds since the epoch of a simulation time. */
  ms(t: number): number {
    return Math.round(this.origin + t * 1000);
  }

  contact(b: Columns<ContactColumn>, i: number): CanonicalRecord {
    const c = b.cols;
    const offered = this.ms(c.offered[i]!);
    const answeredT = c.answered[i]!;
    const answered = answeredT === answeredT ? this.ms(answeredT) : NaN;
    const ended = this.ms(c.ended[i]!);
    const person = c.person[i]!;
    const p = person >= 0 ? this.people[person]! : null;
    const caseNo = c.caseNo[i]!;
    const flow = c.flow[i]!;
    const isAnswered = answered === answered;
    return {
      contact_id: contactId(c.no[i]!),
      channel: this.channels[c.channel[i]!]!,
      direction: c.outbound[i] ? 'outbound' : 'inbound',
      queue: this.queues[c.queue[i]!]!,
      agent_id: p ? p.id : null,
      team: p ? p.team : null,
      customer_id: customerId(c.customer[i]!),
      case_id: caseNo >= 0 ? caseId(caseNo) : null,
      category: this.categories[c.category[i]!]!,
      offered_at: new Date(offered),
      answered_at: isAnswered ? new Date(answered) : null,
      ended_at: new Date(ended),
      wait_s: ((isAnswered ? answered : ended) - offered) / 1000,
      talk_s: isAnswered ? seconds(c.talk[i]!) : null,
      hold_s: isAnswered ? seconds(c.hold[i]!) : null,
      acw_s: isAnswered ? seconds(c.acw[i]!) : null,
      outcome: OUTCOME_CODES[c.outcome[i]!]!,
      flow_reason: flow >= 0 ? FLOW_REASONS[flow]! : null,
      transferred: c.transferred[i] === 1,
      first_contact_resolved: null,
    };
  }

  case(b: Columns<CaseColumn>, i: number): CanonicalRecord {
    const c = b.cols;
    const p = this.people[c.person[i]!]!;
    const resolved = c.resolved[i]!;
    const flag = c.fcrFlag[i]!;
    return {
      case_id: caseId(c.no[i]!),
      channel: this.channels[c.channel[i]!]!,
      customer_id: customerId(c.customer[i]!),
      category: this.categories[c.category[i]!]!,
      queue: this.queues[c.queue[i]!]!,
      team: p.team,
      agent_id: p.id,
      created_at: new Date(this.ms(c.created[i]!)),
      first_response_at: new Date(this.ms(c.firstResponse[i]!)),
      resolved_at: resolved === resolved ? new Date(this.ms(resolved)) : null,
      reopened_count: c.reopened[i]!,
      status: STATUS_CODES[c.status[i]!]!,
      first_contact_resolved: flag < 0 ? null : flag === 1,
    };
  }

  survey(b: Columns<SurveyColumn>, i: number): CanonicalRecord {
    const c = b.cols;
    const kind = KIND_CODES[c.kind[i]!]!;
    const contact = contactId(c.contactNo[i]!);
    const p = this.people[c.person[i]!]!;
    const comment = c.comment[i]!;
    return {
      response_id: `${contact}-${kind}`,
      kind,
      score: c.score[i]!,
      scale_min: kind === 'nps' ? 0 : 1,
      scale_max: c.scaleMax[i]!,
      responded_at: new Date(this.ms(c.responded[i]!)),
      contact_id: contact,
      case_id: caseId(c.caseNo[i]!),
      comment: comment >= 0 ? PHRASES[comment]! : null,
      channel: this.channels[c.channel[i]!]!,
      queue: this.queues[c.queue[i]!]!,
      team: p.team,
      agent_id: p.id,
      category: this.categories[c.category[i]!]!,
    };
  }
}

/** Durations to whole milliseconds, in seconds. */
function seconds(s: number): number {
  return Math.round(s * 1000) / 1000;
}
