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
  const walked = walk(value, /\\u[dD][89a-fA-F]/.test(text));
  if (walked < 0) {
    return { ok: false, status: 400, error: 'body has a lone UTF-16 surrogate (a \\uD800-\\uDFFF escape without its pair)' };
  }
  // JSON.parse keeps the last of two equal keys; a proxy or another parser may keep the first and
  // see another record. Fewer keys parsed than written means a duplicate: refuse it.
  if (walked !== keysInText(text)) return { ok: false, status: 400, error: 'body has a duplicate key in one object' };
  return { ok: true, value };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Counts the object keys of a parsed value, or -1 when `surrogates` is set and a string or key
 * holds a lone surrogate. A loop with its own stack, not recursion: nesting depth is the sender's
 * choice, and a deep body must be a 400, not a stack overflow.
 */
function walk(root: unknown, surrogates: boolean): number {
  let keys = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (surrogates && LONE_SURROGATE.test(value)) return -1;
    } else if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      else if (surrogates && typeof item === 'string') stack.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const k in value) {
        keys += 1;
        if (surrogates && LONE_SURROGATE.test(k)) return -1;
        const v = (value as Record<string, unknown>)[k];
        if ((v !== null && typeof v === 'object') || (surrogates && typeof v === 'string')) stack.push(v);
      }
    }
  }
  return keys;
}

/** Keys written in valid JSON text: strings followed by a colon. */
function keysInText(text: string): number {
  let n = 0;
  let open = text.indexOf('"');
  while (open !== -1) {
    let close = text.indexOf('"', open + 1);
    while (close !== -1 && escaped(text, close)) close = text.indexOf('"', close + 1);
    if (close === -1) break;
    let at = close + 1;
    let c = text.charCodeAt(at);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++at);
    if (c === 58) n += 1;
    open = text.indexOf('"', at);
  }
  return n;
}

const escaped = (text: string, quote: number): boolean => {
  let backslashes = 0;
  for (let i = quote - 1; text.charCodeAt(i) === 92; i--) backslashes += 1;
  return backslashes % 2 === 1;
};
