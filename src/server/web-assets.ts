// Serving the dashboard's build (web/dist): brotli and gzip copies written once next to each text
// file (served by @fastify/static's preCompressed), hashed files under /assets cached for a year
// as immutable, everything else (index.html) revalidated on every load so a new build shows.
// Limits: a build dir that cannot be written is served compressed on the fly instead.

import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, rename, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { FastifyReply } from 'fastify';

const TEXT = /\.(js|mjs|css|html|svg|json|map|txt|webmanifest)$/i;
/** Below this a compressed copy saves too little to be worth a file. */
const MIN_BYTES = 1024;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Cache-Control per file: Vite names files under assets/ by content hash, so they never change. */
export function setWebHeaders(reply: FastifyReply, path: string): void {
  const hashed = path.split(sep).includes('assets');
  reply.header('cache-control', hashed ? IMMUTABLE : REVALIDATE);
}

/** Writes `<file>.br` and `<file>.gz` for text files that lack a copy as new as themselves. */
export async function precompressWebDir(dir: string): Promise<number> {
  let written = 0;
  for (const file of await listFiles(dir)) {
    if (!TEXT.test(file)) continue;
    const src = await stat(file);
    if (src.size < MIN_BYTES) continue;
    for (const [ext, make] of COMPRESSORS) {
      const out = `${file}${ext}`;
      const old = await stat(out).catch(() => null);
      if (old && old.mtimeMs >= src.mtimeMs) continue;
      // Written aside and renamed, so a server reading the copy never sees half of it.
      const tmp = `${out}.${process.pid}.tmp`;
      await pipeline(createReadStream(file), make(), createWriteStream(tmp));
      await rename(tmp, out);
      written++;
    }
  }
  return written;
}

const COMPRESSORS = [
  [
    '.br',
    () =>
      createBrotliCompress({
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
  ],
  ['.gz', () => createGzip({ level: constants.Z_BEST_COMPRESSION })],
] as const;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
