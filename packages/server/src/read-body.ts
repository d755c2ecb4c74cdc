import type { Context } from 'hono';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads at most `max` bytes of body. With a Content-Length the adapter's fast path is used (no
 * web-stream Request is built, which is most of the per-request cost); without one the stream is
 * read chunk by chunk and abandoned as soon as it passes the limit.
 */
export async function readBody(c: Context, max: number): Promise<Uint8Array | null> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
    if (!/^\d+$/.test(declared) || Number(declared) > max) return null;
    return new Uint8Array(await c.req.arrayBuffer());
  }
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string };

export async function readJson(c: Context, max: number): Promise<JsonBody> {
  return parseJson(await readBody(c, max), max);
}

/** Decodes a body read elsewhere; `null` means it was over `max` bytes. */
export function parseJson(bytes: Uint8Array | null, max: number): JsonBody {
  if (bytes === null) return { ok: false, status: 413, error: `body larger than ${max} bytes` };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, status: 400, error: 'body is not valid UTF-8' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, status: 400, error: 'body is not valid JSON' };
  }
  // Raw bytes were valid UTF-8, so a lone surrogate can only come from a \uD800-\uDFFF escape. A
  // database stores it as U+FFFD, and the stored record would no longer match its hash.
  if (/\\u[dD][89a-fA-F]/.test(text) && !wellFormed(value)) {
    return { ok: false, status: 400, error: 'body has a lone UTF-16 surrogate (a \\uD800-\\uDFFF escape without its pair)' };
  }
  return { ok: true, value };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function wellFormed(value: unknown): boolean {
  if (typeof value === 'string') return !LONE_SURROGATE.test(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(wellFormed);
  return Object.entries(value).every(([k, v]) => !LONE_SURROGATE.test(k) && wellFormed(v));
}
