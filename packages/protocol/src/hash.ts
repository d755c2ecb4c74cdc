import { canonicalJson } from './canonical-json.js';
import type { Notice } from './record.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 as lowercase hex, through WebCrypto so the same code runs in browsers and Node. */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let out = '';
  for (const b of digest) out += HEX[b];
  return out;
}

/** The `noticeHash` of a record: SHA-256 of the canonical `{ language, texts }` shown. */
export function noticeHash(notice: Notice): Promise<string> {
  return sha256Hex(canonicalJson({ language: notice.language, texts: notice.texts }));
}
