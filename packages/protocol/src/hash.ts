import { canonicalJson } from './canonical-json.js';
import { sha256 } from './hash-sha256.js';
import type { Notice } from './record.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const toHex = (digest: Uint8Array) => {
  let out = '';
  for (const b of digest) out += HEX[b];
  return out;
};
const utf8 = (input: string | Uint8Array) => (typeof input === 'string' ? new TextEncoder().encode(input) : input);

/**
 * SHA-256 as lowercase hex. WebCrypto where there is one; on plain-http pages `crypto.subtle` is
 * missing, and the same digest comes from the TypeScript implementation.
 */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = utf8(input);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return toHex(sha256(bytes));
  return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

const noticeJson = (notice: Notice) => canonicalJson({ language: notice.language, texts: notice.texts });

/** The `noticeHash` of a record: SHA-256 of the canonical `{ language, texts }` shown. */
export function noticeHash(notice: Notice): Promise<string> {
  return sha256Hex(noticeJson(notice));
}

/** `noticeHash`, computed synchronously (no WebCrypto): same digest, usable inside an event handler. */
export function noticeHashSync(notice: Notice): string {
  return toHex(sha256(utf8(noticeJson(notice))));
}
