// Whether the dashboard must be (re)built: web/dist is missing, or a source of it (web/src,
// web/index.html, web/public, the Vite config) changed after the last build. Plain JS, no deps.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'vite.config.js'];

/** The newest modification time (ms) under `path`, or 0 when it does not exist. */
function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

/** @param {string} web the web/ folder. @returns {false | string} false, or why to build. */
export function needsBuild(web) {
  const built = newest(join(web, 'dist', 'index.html'));
  if (built === 0) return 'web/dist is missing';
  const changed = SOURCES.find((s) => newest(join(web, s)) > built);
  return changed ? `web/${changed} changed since the last build` : false;
}
