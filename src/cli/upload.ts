// Sends an import to a running `cxkpi serve` as one multipart/form-data request whose files are
// streamed from disk (never whole in memory), reporting the bytes sent. One request, so
// `--strict` keeps its all-or-nothing meaning across the files.

import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request } from 'node:http';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface UploadForm {
  readonly fields: Readonly<Record<string, string>>;
  /** [form field, path] in order: `mapping` first, then each `file`. */
  readonly files: readonly (readonly [string, string])[];
}

/** POSTs the form to `url` (http); `onBytes(sent, total)` follows the file bytes sent. */
export async function postForm(
  url: string,
  form: UploadForm,
  onBytes: (sent: number, total: number) => void = () => undefined,
): Promise<{ status: number; body: string }> {
  const boundary = `cxkpi-${randomBytes(12).toString('hex')}`;
  const sizes = await Promise.all(form.files.map(async ([, path]) => (await stat(path)).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  const encoder = new TextEncoder();
  async function* parts(): AsyncGenerator<Uint8Array> {
    let sent = 0;
    for (const [name, value] of Object.entries(form.fields)) {
      yield encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      );
    }
    for (const [name, path] of form.files) {
      yield encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${quoted(basename(path))}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      );
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
        const bytes = chunk as Buffer;
        sent += bytes.length;
        onBytes(sent, total);
        yield bytes;
      }
      yield encoder.encode('\r\n');
    }
    yield encoder.encode(`--${boundary}--\r\n`);
  }
  // node:http with pipeline, not fetch: fetch pulled the whole file into memory ahead of the socket.
  return new Promise((resolvePost, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolvePost({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    pipeline(Readable.from(parts()), req).catch(reject);
  });
}

/** A file name inside a quoted header parameter (the server keeps the name only, not the path). */
const quoted = (name: string) => name.replace(/[\r\n]/g, '').replaceAll('"', '%22');
