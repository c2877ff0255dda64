// The dashboard's download: raw and gzip size of every file in web/dist/assets (zlib level 9,
// what a precompressing server would ship). Builds web/dist first when it is missing.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { log } from './progress.ts';
import { round } from './stats.ts';

export interface BundleSize {
  readonly built: boolean;
  readonly files: readonly { name: string; rawKb: number; gzipKb: number }[];
  readonly totalRawKb: number;
  readonly totalGzipKb: number;
}

const kb = (bytes: number) => round(bytes / 1024, 1);

/** Builds the dashboard with Vite (about 2 s here) when web/dist is missing or `force` is set. */
export function ensureWebBuild(webDir: string, force = false): boolean {
  if (!force && existsSync(resolve(webDir, 'index.html'))) return false;
  log('building the dashboard (vite build web)');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', 'web'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return true;
}

export function bundleSize(webDir: string, built: boolean): BundleSize {
  const dir = resolve(webDir, 'assets');
  const files = readdirSync(dir)
    // The server's precompressed copies (web-assets.ts) are not part of the bundle.
    .filter((name) => !/\.(br|gz)$/.test(name))
    .sort()
    .map((name) => {
      const data = readFileSync(resolve(dir, name));
      return { name, rawKb: kb(data.length), gzipKb: kb(gzipSync(data, { level: 9 }).length) };
    });
  return {
    built,
    files,
    totalRawKb: round(
      files.reduce((a, f) => a + f.rawKb, 0),
      1,
    ),
    totalGzipKb: round(
      files.reduce((a, f) => a + f.gzipKb, 0),
      1,
    ),
  };
}
