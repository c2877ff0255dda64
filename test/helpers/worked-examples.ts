// Writes the worked examples of KPIS.md as export files a user could have: CSV with the
// columns of a typical ACD/ticket export. Generated into a temp dir, never committed.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WorkedExampleFiles {
  readonly dir: string;
  /** SL 80/20: 8,400 answered within 20 s; 10,000 offered; 500 fast abandons → 88.4 %. */
  readonly serviceLevel: string;
  /** AHT: 75,000 handled minutes over 10,000 calls → 7.5 min. */
  readonly aht: string;
  /** FCR: 1,250 of 1,600 cases resolved at first contact → 78.1 %. */
  readonly fcr: string;
  /** CSAT: 320 satisfied of 400 respondents → 80.0 %. */
  readonly csat: string;
  /** NPS: 50 promoters, 30 passives, 20 detractors → +30. */
  readonly nps: string;
}

const ts = (i: number) => new Date(Date.UTC(2026, 5, 1, 7, 0, 0) + i * 5000).toISOString();

function csv(header: string[], rows: (string | number)[][]): string {
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

export function writeWorkedExamples(): WorkedExampleFiles {
  const dir = mkdtempSync(join(tmpdir(), 'cxkpi-worked-'));
  const sl: (string | number)[][] = [];
  for (let i = 0; i < 10_000; i++) {
    // 8,400 answered within 20 s, 1,100 answered after 45 s, 500 abandoned after 2 s
    const [outcome, wait] =
      i < 8400 ? ['answered', 12] : i < 9500 ? ['answered', 45] : ['abandoned', 2];
    sl.push([`SL${i}`, 'voice', ts(i), outcome, wait, outcome === 'answered' ? 240 : '', '', '']);
  }
  const aht: (string | number)[][] = [];
  for (let i = 0; i < 10_000; i++) {
    // 5,000 calls of 6 min and 5,000 of 9 min handle time (talk + hold + wrap-up): 75,000 min
    const [talk, hold, acw] = i % 2 === 0 ? [300, 0, 60] : [420, 60, 60];
    aht.push([`H${i}`, 'voice', ts(i), 'answered', 8, talk, hold, acw]);
  }
  const contactHeader = [
    'contact_id',
    'channel',
    'offered_at',
    'outcome',
    'wait_s',
    'talk_s',
    'hold_s',
    'acw_s',
  ];
  const fcr = Array.from({ length: 1600 }, (_, i) => [
    `K${i}`,
    'email',
    ts(i),
    ts(i + 100),
    i < 1250 ? 'true' : 'false',
  ]);
  const csatRows = Array.from({ length: 400 }, (_, i) => [
    `S${i}`,
    'csat',
    i < 320 ? 4 + (i % 2) : 1 + (i % 3),
    1,
    5,
    ts(i),
  ]);
  const npsScores = [...Array(50).fill(10), ...Array(30).fill(7), ...Array(20).fill(3)] as number[];
  const npsRows = npsScores.map((score, i) => [`N${i}`, 'nps', score, 0, 10, ts(i)]);
  const surveyHeader = ['response_id', 'kind', 'score', 'scale_min', 'scale_max', 'responded_at'];
  const files = {
    serviceLevel: join(dir, 'calls-sl.csv'),
    aht: join(dir, 'calls-aht.csv'),
    fcr: join(dir, 'tickets-fcr.csv'),
    csat: join(dir, 'survey-csat.csv'),
    nps: join(dir, 'survey-nps.csv'),
  };
  writeFileSync(files.serviceLevel, csv(contactHeader, sl));
  writeFileSync(files.aht, csv(contactHeader, aht));
  writeFileSync(
    files.fcr,
    csv(['case_id', 'channel', 'created_at', 'resolved_at', 'first_contact_resolved'], fcr),
  );
  writeFileSync(files.csat, csv(surveyHeader, csatRows));
  writeFileSync(files.nps, csv(surveyHeader, npsRows));
  return { dir, ...files };
}
