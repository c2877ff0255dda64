// Scenario files: the bundled ones validate; a broken one names the file and every bad key.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../errors.ts';
import { SCENARIO_DIR, loadScenario, parseScenario, scenarioNames } from './load-scenario.ts';

describe('loadScenario', () => {
  it('loads every bundled scenario', async () => {
    const names = await scenarioNames();
    expect(names).toEqual(expect.arrayContaining(['default', 'tiny', 'stationary']));
    for (const n of names) expect((await loadScenario(n)).name).toBe(n);
  });

  it('reads opening hours as minutes after local midnight', async () => {
    const s = await loadScenario('default');
    expect(s.channels.voice!.open.weekday).toEqual([480, 1200]);
    expect(s.timezone).toBe('Europe/Amsterdam');
  });

  it('names the file and the keys of every problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'broken.json');
    const s = JSON.parse(await readFile(join(SCENARIO_DIR, 'tiny.json'), 'utf8'));
    s.timezone = 'Europe/Atlantis';
    s.channels.voice.handle.talk_s = -1;
    s.queues[0].channel = 'fax';
    s.typo = 1;
    await writeFile(file, JSON.stringify(s));
    const err = await loadScenario(file).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    if (!isUserError(err)) return;
    expect(err.code).toBe('SCENARIO_INVALID');
    expect(err.location.file).toBe(file);
    expect(err.message).toContain('timezone');
    expect(err.message).toContain('channels.voice.handle.talk_s');
    expect(err.message).toContain('queues[0].channel');
    expect(err.message).toContain('typo');
  });

  it('reports unknown names with the bundled ones', async () => {
    const err = await loadScenario('nope').catch((e: unknown) => e);
    expect(isUserError(err) && err.code).toBe('SCENARIO_NOT_FOUND');
    expect(isUserError(err) && err.location.allowed).toContain('default');
  });

  it('checks cross-references', () => {
    expect(() => parseScenario({ name: 'x' }, 'inline.json')).toThrow(/inline\.json/);
  });
});
