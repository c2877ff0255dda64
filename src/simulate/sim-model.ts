// A scenario compiled into indexed arrays for the event loop: channels, queues, routing.
// Limits: one queue per (channel, category); agents serve one queue (no multi-skill routing).

import type { Channel } from '../model/fields.ts';
import { cumulative } from './random.ts';
import type { ChannelConfig, QueueConfig, Scenario } from './scenario-schema.ts';

export interface SimChannel {
  readonly index: number;
  readonly name: Channel;
  readonly cfg: ChannelConfig;
  readonly backlog: boolean;
  /** Categories (global indexes) of new contacts and their cumulative weights. */
  readonly categories: Int16Array;
  readonly categoryCdf: Float64Array;
  /** Channel indexes of repeat contacts and their cumulative weights (empty: same channel). */
  readonly switchTo: Int16Array;
  readonly switchCdf: Float64Array;
}

export interface SimQueue {
  readonly index: number;
  readonly name: string;
  readonly channel: number;
  readonly cfg: QueueConfig;
  readonly concurrency: number;
  /** Expected handle time (talk + hold + acw) here, averaged over category and agent mix. */
  readonly expectedAht: number;
  /** Share of the channel's new contacts routed here. */
  readonly share: number;
  /** T of the queue's target (its own, else its channel's); null without one. */
  readonly thresholdS: number | null;
  /** Queue index a transferred contact goes to (this queue when none is named). */
  readonly transferTo: number;
}

export interface SimModel {
  readonly scenario: Scenario;
  readonly scale: number;
  readonly channels: readonly SimChannel[];
  readonly categories: readonly string[];
  readonly queues: readonly SimQueue[];
  /** route[channel * categories + category] → queue index. */
  readonly route: Int16Array;
  /** Mean handle-time factor of the agent level mix. */
  readonly levelAhtMean: number;
}

export function compileModel(scenario: Scenario, scale: number): SimModel {
  const categories = Object.keys(scenario.categories);
  const names = Object.keys(scenario.channels) as Channel[];
  const chIndex = (c: string) => names.indexOf(c as Channel);
  const channels: SimChannel[] = names.map((name, index) => {
    const cfg = scenario.channels[name]!;
    const cats = Object.entries(cfg.categories).filter(([, w]) => w > 0);
    const sw = Object.entries(cfg.switch_to).filter(([, w]) => (w ?? 0) > 0);
    return {
      index,
      name,
      cfg,
      backlog: cfg.mode === 'backlog',
      categories: Int16Array.from(cats.map(([c]) => categories.indexOf(c))),
      categoryCdf: cumulative(cats.map(([, w]) => w)),
      switchTo: Int16Array.from(sw.map(([c]) => chIndex(c))),
      switchCdf: cumulative(sw.map(([, w]) => w ?? 0)),
    };
  });
  const route = new Int16Array(names.length * categories.length).fill(-1);
  scenario.queues.forEach((q, qi) => {
    const ch = chIndex(q.channel);
    for (const c of q.categories) route[ch * categories.length + categories.indexOf(c)] = qi;
  });
  // Unrouted categories go to the channel's catch-all queue (no categories listed), else its first.
  names.forEach((name, ch) => {
    const own = scenario.queues.map((q, i) => [q, i] as const).filter(([q]) => q.channel === name);
    const fallback = (own.find(([q]) => q.categories.length === 0) ?? own[0])?.[1] ?? -1;
    for (let c = 0; c < categories.length; c++) {
      const k = ch * categories.length + c;
      if (route[k] === -1) route[k] = fallback;
    }
  });
  const levels = scenario.agents.levels;
  const levelShare = levels.reduce((s, l) => s + l.share, 0);
  const levelAhtMean = levels.reduce((s, l) => s + l.share * l.aht_factor, 0) / levelShare;
  const queues: SimQueue[] = scenario.queues.map((cfg, index) => {
    const ch = channels[chIndex(cfg.channel)]!;
    const { talk, total } = talkFactorMix(scenario, ch, route, categories.length, index);
    const h = ch.cfg.handle;
    const talkMean = h.talk_s * (total > 0 ? talk / total : 1) * levelAhtMean;
    const parts = h.model === 'exponential' ? 0 : h.hold_share * h.hold_s + h.acw_s;
    const channelTotal = ch.categoryCdf[ch.categoryCdf.length - 1] ?? 0;
    return {
      index,
      name: cfg.name,
      channel: ch.index,
      cfg,
      concurrency: ch.cfg.concurrency,
      expectedAht: talkMean + parts,
      share: channelTotal > 0 ? total / channelTotal : 0,
      thresholdS:
        ('threshold_s' in cfg.staffing ? cfg.staffing.threshold_s : undefined) ??
        ch.cfg.threshold_s ??
        null,
      transferTo:
        cfg.transfer_to === null
          ? index
          : scenario.queues.findIndex((q) => q.name === cfg.transfer_to),
    };
  });
  return { scenario, scale, channels, categories, queues, route, levelAhtMean };
}

/** Category weight routed to a queue and its weighted talk factor. */
function talkFactorMix(
  scenario: Scenario,
  ch: SimChannel,
  route: Int16Array,
  nCat: number,
  queue: number,
): { talk: number; total: number } {
  let talk = 0;
  let total = 0;
  let prev = 0;
  ch.categories.forEach((c, i) => {
    const w = ch.categoryCdf[i]! - prev;
    prev = ch.categoryCdf[i]!;
    if (route[ch.index * nCat + c] !== queue) return;
    total += w;
    talk += w * scenario.categories[Object.keys(scenario.categories)[c]!]!.talk_factor;
  });
  return { talk, total };
}
