import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from './import-files.ts';
import {
  addsUp,
  fixture,
  quarantine,
  triples,
  withTempDir,
  withWorkspace,
  writeBytes,
} from './ingest.test-helper.ts';
import { loadMapping } from './load-mapping.ts';
import type { Mapping } from './mapping-schema.ts';

const PWC_MAPPING = resolve(fixture('.'), '../../../examples/mappings/pwc-call-center.yaml');

const dstMapping: Mapping = {
  entity: 'contacts',
  columns: {
    contact_id: 'Call',
    wait_s: 'Wait (min)',
    talk_s: 'Talk',
    outcome: 'Answered',
    first_contact_resolved: 'Solved',
    channel: 'Media',
  },
  combine: { offered_at: { date: 'Day', time: 'Clock', format: '%d-%m-%Y %H:%M:%S' } },
  values: { outcome: { Y: 'answered', N: 'abandoned' } },
  units: { wait_s: 'minutes', talk_s: 'hh:mm:ss' },
  numbers: { decimal: ',' },
  timestamps: { timezone: 'Europe/Amsterdam' },
};

describe('mappings: units, value maps, date + time, time zones', () => {
  it('converts units and values, and reads local times across both DST changes', async () => {
    await withWorkspace(async (ws) => {
      const s = await importFiles(ws, {
        files: [fixture('dst-amsterdam.csv')],
        mapping: dstMapping,
      });
      expect(s.files[0]).toMatchObject({ read: 6, stored: 6, quarantined: 0 });
      const rows = await ws.runner
        .all(`SELECT contact_id, offered_at, wait_s, talk_s, outcome, channel,
        first_contact_resolved AS fcr FROM contacts ORDER BY contact_id`);
      expect(rows.map((r) => [r['contact_id'], (r['offered_at'] as Date).toISOString()])).toEqual([
        ['d1', '2026-03-28T22:30:00.000Z'], // 23:30 CET
        ['d2', '2026-03-29T01:30:00.000Z'], // 02:30 does not exist: read with the offset before the change (+01), = 03:30 CEST
        ['d3', '2026-03-29T01:30:00.000Z'], // 03:30 CEST
        ['d4', '2026-10-24T23:30:00.000Z'], // 01:30 CEST
        ['d5', '2026-10-25T01:30:00.000Z'], // 02:30 happens twice: the second (standard time, +01) is taken
        ['d6', '2026-10-25T02:30:00.000Z'], // 03:30 CET
      ]);
      expect(rows.map((r) => r['wait_s'])).toEqual([30, 60, 0, 120, 15, 90]); // minutes, "0,25" with decimal comma
      expect(rows.map((r) => r['talk_s'])).toEqual([120, 90, 45, null, null, 600]); // hh:mm:ss
      expect(rows.map((r) => r['outcome'])).toEqual([
        'answered',
        'answered',
        'answered',
        'abandoned',
        'abandoned',
        'answered',
      ]);
      expect(rows.map((r) => r['channel'])).toEqual([
        'voice',
        'voice',
        'email',
        'voice',
        'voice',
        'voice',
      ]);
      expect(rows.map((r) => r['fcr'])).toEqual([true, false, true, null, null, false]);
    });
  });

  it('auto-matches common column names and reports what went where', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(
        dir,
        'auto.csv',
        'Call ID,Queue,Agent Name,Created,Wait Time,Talk Time,Answered (Y/N),Media Type,Notes\n' +
          'x1,billing,Ann,2026-03-02 09:00:00,12,00:03:00,Y,Phone,hi\nx2,billing,,2026-03-02 09:05:00,40,,N,chat,\n',
      );
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'contacts', files: [file] });
        expect(s.files[0]).toMatchObject({ read: 2, stored: 2, unused: ['Notes'] });
        expect(s.files[0]?.columns.map((c) => `${c.field}<-${c.from}`)).toEqual([
          'contact_id<-Call ID',
          'channel<-Media Type',
          'queue<-Queue',
          'agent_id<-Agent Name',
          'offered_at<-Created',
          'wait_s<-Wait Time',
          'talk_s<-Talk Time',
          'outcome<-Answered (Y/N)',
        ]);
        const rows = await ws.runner.all(
          `SELECT contact_id, channel, outcome, talk_s, answered_at IS NOT NULL AS a FROM contacts ORDER BY 1`,
        );
        expect(rows).toEqual([
          { contact_id: 'x1', channel: 'voice', outcome: 'answered', talk_s: 180, a: true },
          { contact_id: 'x2', channel: 'chat', outcome: 'abandoned', talk_s: null, a: false },
        ]);
      });
    });
  });

  it('auto-matching combines Date + Time columns; constants fill what the file lacks', async () => {
    await withWorkspace(async (ws) => {
      const mapping: Mapping = {
        entity: 'contacts',
        constants: { channel: 'voice' },
        timestamps: { timezone: 'Europe/Zurich' },
      };
      const s = await importFiles(ws, { files: [fixture('pwc-like.csv')], mapping });
      expect(s.files[0]).toMatchObject({ read: 5, stored: 5 });
      expect(s.files[0]?.columns).toContainEqual({
        field: 'offered_at',
        from: 'Date + Time',
        how: 'combine',
      });
      const [r] = await ws.runner.all(
        `SELECT offered_at, wait_s, talk_s FROM contacts WHERE contact_id = 'ID0007'`,
      );
      expect((r?.['offered_at'] as Date).toISOString()).toBe('2021-07-01T08:00:29.000Z'); // CEST
      expect([r?.['wait_s'], r?.['talk_s']]).toEqual([30, 60]);
    });
  });

  it('one mapping, two entities: a blank score is skipped, not a defect; counts add up', async () => {
    await withWorkspace(async (ws) => {
      const s = await importFiles(ws, { files: [fixture('pwc-like.csv')], mapping: PWC_MAPPING });
      const [contacts, surveys] = s.files;
      expect(contacts).toMatchObject({
        entity: 'contacts',
        read: 5,
        stored: 5,
        quarantined: 0,
        skipped: 0,
      });
      expect(surveys).toMatchObject({
        entity: 'surveys',
        read: 5,
        stored: 2,
        quarantined: 1,
        skipped: 2,
      });
      expect(addsUp(surveys!)).toBe(true);
      expect(triples(await quarantine(ws, surveys?.importId))).toEqual([
        [6, 'score', 'SCORE_OUT_OF_SCALE'],
      ]);
      const rows = await ws.runner.all(
        `SELECT response_id, contact_id, kind, score, scale_max FROM surveys ORDER BY 1`,
      );
      expect(rows.map((r) => Object.values(r))).toEqual([
        ['ID0001-csat', 'ID0001', 'csat', 3, 5],
        ['ID0002-csat', 'ID0002', 'csat', 5, 5],
      ]);
    });
  });
});

describe('value formats', () => {
  it('reads durations as seconds, h:mm:ss or m:ss, and timestamps in a custom format or epoch', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(
        dir,
        'forms.csv',
        [
          'id,start,talk,wait',
          'v1,02.03.2026 09:00,00:02:23,12.5',
          'v2,02.03.2026 09:01,2:23,0',
          'v3,02.03.2026 09:02,25:00:00,1',
          'v4,30.02.2026 09:03,1:00,1',
          'v5,2026-03-02 09:04,00:75:00,1',
          'v6,02.03.2026 09:05,-00:01:00,1',
        ].join('\n'),
      );
      const mapping: Mapping = {
        entity: 'contacts',
        columns: { contact_id: 'id', offered_at: 'start', talk_s: 'talk', wait_s: 'wait' },
        constants: { channel: 'chat', outcome: 'answered' },
        timestamps: { format: '%d.%m.%Y %H:%M', timezone: 'UTC' },
      };
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { files: [file], mapping });
        expect(s.files[0]).toMatchObject({ read: 6, stored: 3, quarantined: 3 });
        expect(triples(await quarantine(ws))).toEqual([
          [5, 'offered_at', 'IMPOSSIBLE_TIMESTAMP'],
          [6, 'offered_at', 'INVALID_TIMESTAMP'],
          [6, 'talk_s', 'INVALID_DURATION'],
          [7, 'talk_s', 'NEGATIVE_DURATION'],
        ]);
        const rows = await ws.runner.all(
          `SELECT contact_id, talk_s, wait_s, offered_at FROM contacts ORDER BY 1`,
        );
        expect(rows.map((r) => [r['contact_id'], r['talk_s'], r['wait_s']])).toEqual([
          ['v1', 143, 12.5],
          ['v2', 143, 0],
          ['v3', 90000, 1],
        ]);
        expect((rows[0]?.['offered_at'] as Date).toISOString()).toBe('2026-03-02T09:00:00.000Z');
      });
    });
  });

  it('reads epoch seconds and ISO text with a lower-case z', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(
        dir,
        'epoch.csv',
        'id,t,a\ne1,1772442000,2026-03-02t09:00:10z\ne2,1772442060.5,\n',
      );
      const mapping: Mapping = {
        entity: 'contacts',
        columns: { contact_id: 'id', offered_at: 't', answered_at: 'a' },
        constants: { channel: 'voice', outcome: 'answered', wait_s: 3 },
        timestamps: { formats: { offered_at: 'epoch' } },
      };
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { files: [file], mapping });
        expect(s.files[0]).toMatchObject({ stored: 2, quarantined: 0 });
        const rows = await ws.runner.all(
          `SELECT offered_at, answered_at, wait_s FROM contacts ORDER BY contact_id`,
        );
        expect(rows.map((r) => (r['offered_at'] as Date).toISOString())).toEqual([
          '2026-03-02T09:00:00.000Z',
          '2026-03-02T09:01:00.500Z',
        ]);
        expect((rows[0]?.['answered_at'] as Date).toISOString()).toBe('2026-03-02T09:00:10.000Z');
      });
    });
  });
});

describe('mapping errors name the mapping file and the key', () => {
  it('rejects unknown keys and fields, listing every problem', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(
        dir,
        'bad.yaml',
        'entity: contacts\ncolumns: { contact_idd: Id, wait_s: W }\nunits: { wait_s: fortnights, outcome: seconds }\nextra: 1\n',
      );
      const run = loadMapping(file);
      await expect(run).rejects.toMatchObject({ code: 'INVALID_MAPPING', location: { file } });
      await expect(run).rejects.toThrow(/units\.wait_s: Invalid option/);
      await expect(run).rejects.toThrow(/unknown key extra/);
      const fields = await writeBytes(
        dir,
        'fields.yaml',
        'entity: contacts\ncolumns: { contact_idd: Id }\nunits: { outcome: seconds }\n',
      );
      await expect(loadMapping(fields)).rejects.toThrow(
        /columns\.contact_idd: not a field of contacts[\s\S]*units\.outcome: outcome is not a duration/,
      );
    });
  });

  it('a column the file lacks, a bad zone and a missing mapping file are clear errors', async () => {
    await withWorkspace(async (ws) => {
      const files = [fixture('dst-amsterdam.csv')];
      const noCol = importFiles(ws, {
        files,
        mapping: { ...dstMapping, columns: { ...dstMapping.columns, contact_id: 'CallId' } },
      });
      await expect(noCol).rejects.toMatchObject({
        code: 'MAPPING_COLUMN_NOT_FOUND',
        location: { field: 'columns.contact_id', value: 'CallId' },
      });
      const badZone = importFiles(ws, {
        files,
        mapping: { ...dstMapping, timestamps: { timezone: 'Mars/Olympus' } },
      });
      await expect(badZone).rejects.toMatchObject({ code: 'INVALID_TIMEZONE' });
      await expect(loadMapping('/nonexistent/m.yaml')).rejects.toMatchObject({
        code: 'MAPPING_NOT_FOUND',
      });
    });
  });

  it('the committed example mappings load', async () => {
    const pwc = await loadMapping(PWC_MAPPING);
    expect(pwc.entities.map((e) => e.entity)).toEqual(['contacts', 'surveys']);
    expect(pwc.entities[1]?.timestamps?.timezone).toBe('Europe/Zurich');
    const tickets = await loadMapping(resolve(PWC_MAPPING, '../ticket-export.yaml'));
    expect(tickets.entities[0]?.entity).toBe('cases');
  });
});
