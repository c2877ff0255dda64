// Browser-test harness: the demo workspace from the simulator (the default scenario, as
// `npm start` builds it), the web app built with Vite, the real API server on a free port serving
// it, and headless Chromium.
// Limits: needs Debian's chromium at /usr/bin/chromium (see .ci/run); one server per test file,
// each on its own copy of a demo built once per machine and code version (kept in the temp dir).

import { createHash } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { ensureDerived } from '../../src/engine/index.ts';
import { loadScenario, simulate } from '../../src/simulate/index.ts';
import { openWorkspace } from '../../src/workspace/workspace.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  /** A fresh page at the given size (default 1366×768), errors collected in `errors`. */
  page(opts?: { width?: number; height?: number }): Promise<{ page: Page; errors: string[] }>;
  /** GET a JSON document from the API. */
  api<T>(path: string): Promise<T>;
  /** POST a data file to /api/v1/imports (multipart), as `cxkpi import` does. */
  importFile(entity: string, name: string, text: string): Promise<unknown>;
  close(): Promise<void>;
}

let built: Promise<unknown> | undefined;

/** Builds web/dist once per test process, as a production build (Vitest sets NODE_ENV=test). */
export function buildWeb(): Promise<unknown> {
  built ??= (async () => {
    const env = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    try {
      await build({
        configFile: join(ROOT, 'web/vite.config.ts'),
        logLevel: 'warn',
        mode: 'production',
      });
    } finally {
      if (env === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = env;
    }
  })();
  return built;
}

const SCENARIO = process.env['CXKPI_E2E_SCENARIO'] ?? 'default';

/** The demo workspace file, built once for this scenario and this version of the code. */
async function demoWorkspace(): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(await loadScenario(SCENARIO)));
  for (const folder of ['src/simulate', 'src/ingest', 'src/engine', 'src/workspace', 'src/model']) {
    for (const f of readdirSync(join(ROOT, folder), { recursive: true }).map(String).sort()) {
      if (f.endsWith('.ts')) hash.update(f).update(readFileSync(join(ROOT, folder, f)));
    }
  }
  const file = join(tmpdir(), `cxkpi-e2e-${SCENARIO}-${hash.digest('hex').slice(0, 16)}.duckdb`);
  if (existsSync(file)) return file;
  const building = `${file}.${process.pid}.building`;
  const ws = await openWorkspace({ path: building });
  try {
    await simulate(ws, { scenario: SCENARIO });
    await ensureDerived(ws.runner);
  } finally {
    await ws.close();
  }
  renameSync(building, file);
  return file;
}

export async function startHarness(): Promise<Harness> {
  const demo = await demoWorkspace();
  const dir = mkdtempSync(join(tmpdir(), 'cxkpi-e2e-'));
  const dbPath = join(dir, 'demo.duckdb');
  copyFileSync(demo, dbPath);
  await buildWeb();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer({ dbPath, port: 0, webDir: join(ROOT, 'web/dist'), logger: false });
    browser = await launchChromium();
  } catch (e) {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const url = server.url;
  const b = browser;
  const s = server;
  return {
    url,
    browser: b,
    async page({ width = 1366, height = 768 } = {}) {
      const page = await b.newPage({ viewport: { width, height }, locale: 'en-GB' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      // A server error is a failure even when the page copes with it (no console error).
      page.on('response', (r) => {
        if (r.status() >= 500) errors.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
      });
      return { page, errors };
    },
    async api<T>(path: string) {
      const res = await fetch(`${url}${path}`);
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async importFile(entity, name, text) {
      const form = new FormData();
      form.append('entity', entity);
      form.append('file', new Blob([text]), name);
      const res = await fetch(`${url}/api/v1/imports`, { method: 'POST', body: form });
      if (!res.ok) throw new Error(`import ${name}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async close() {
      await b.close();
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a dashboard URL and waits until the overview's tiles (or a page's cards) are drawn. */
export async function openDashboard(page: Page, url: string, ready = '[data-testid="kpi-value"]') {
  await page.goto(url);
  await page.waitForSelector(ready);
  await page.waitForLoadState('networkidle');
}

/** Runs axe-core on the page and returns its violations (rule id, impact, targets). */
export async function axeViolations(page: Page) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (c: Document) => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** A small CSV parser (quotes, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  const [head, ...body] = rows;
  return body
    .filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/**
 * The harness of one test file: started before its tests, closed after them. The object forwards
 * to the running harness, so tests write `h.page()`, `h.url`.
 */
export function useHarness(): Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });
  const cur = (): Harness => {
    if (!h) throw new Error('the browser-test harness has not started');
    return h;
  };
  return {
    get url() {
      return cur().url;
    },
    get browser() {
      return cur().browser;
    },
    page: (opts) => cur().page(opts),
    api: (path) => cur().api(path),
    importFile: (entity, name, text) => cur().importFile(entity, name, text),
    close: () => cur().close(),
  };
}

/** `day` moved by `days` calendar days (YYYY-MM-DD). */
export const shiftDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The dashboard's default period, worked out here: the last 7 days up to the data's last day
 * (the demo lies in the past, so presets count back from its end).
 */
export async function defaultPeriod(h: Harness): Promise<{ from: string; to: string }> {
  const { period } = await h.api<{ period: { to: string } }>('/api/v1/dimensions');
  return { from: shiftDay(period.to, -6), to: period.to };
}
