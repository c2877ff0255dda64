// Finds blank lines in a delimited text file, numbered as DuckDB's CSV reader numbers lines
// (a quoted value spanning lines is one line). DuckDB skips blank lines but still counts them.

import { createReadStream } from 'node:fs';

const NL = 0x0a;
const CR = 0x0d;

/** Cheap first pass: does any chunk hold "\n\n" or "\n\r\n"? (Native search, no parsing.) */
async function mayHaveBlankLines(path: string): Promise<boolean> {
  let tail = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = Buffer.concat([tail, chunk as Buffer]);
    if (buf.indexOf('\n\n') >= 0 || buf.indexOf('\n\r\n') >= 0) return true;
    tail = buf.subarray(Math.max(0, buf.length - 2));
  }
  return false;
}

/**
 * 1-based line numbers (header = 1) of blank lines outside quoted values. Streams the file:
 * bounded memory; the byte scan only runs when the native search found a candidate.
 */
export async function findBlankLines(path: string, quote: string | null = '"'): Promise<number[]> {
  if (!(await mayHaveBlankLines(path))) return [];
  const q = quote ? quote.charCodeAt(0) : -1;
  const out: number[] = [];
  let line = 1;
  let inQuotes = false;
  let empty = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    for (let i = 0; i < buf.length; i += 1) {
      const b = buf[i];
      if (b === q) {
        inQuotes = !inQuotes;
        empty = false;
      } else if (b === NL && !inQuotes) {
        if (empty) out.push(line);
        line += 1;
        empty = true;
      } else if (b !== CR) empty = false;
    }
  }
  return out;
}
