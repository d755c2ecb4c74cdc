// Checks a sealed record in the browser, from what the server publishes (GET /v1/keys): nothing of the
// server's own verdict is trusted. The same steps as `consentry-server verify` and docs/proofs.md.
import { canonicalJson, type SealedRecord } from '@consentry/protocol';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const hexToBytes = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((b) => parseInt(b, 16)));
const bytesToHex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const b64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4)), (c) => c.charCodeAt(0));
const sha256 = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) out.set(p, (i += p.length) - p.length);
  return out;
};

/** RFC 9162 2.1.3.2: the root an audit path leads to (leaf = H(0x00||hash), node = H(0x01||l||r)). */
async function rootFromPath(hash: Uint8Array, index: number, size: number, path: Uint8Array[]): Promise<Uint8Array | null> {
  if (index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = await sha256(concat(new Uint8Array([0]), hash));
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(concat(new Uint8Array([1]), p, r));
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = await sha256(concat(new Uint8Array([1]), r, p));
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export async function verifyRecord(record: SealedRecord & { noticeOnFile?: boolean }, keys: Array<{ keyId: string; publicKey: string }>): Promise<Check[]> {
  const { hash, signature, keyId, tree, noticeOnFile: _n, ...chained } = record;
  const checks: Check[] = [];
  const computed = bytesToHex(await sha256(new TextEncoder().encode(canonicalJson(chained))));
  checks.push({ name: 'hash', ok: computed === hash, detail: computed === hash ? `SHA-256 of the record: ${hash}` : `computed ${computed}, stored ${hash}` });
  checks.push({ name: 'chain link', ok: /^[0-9a-f]{64}$/.test(record.prevHash), detail: `${record.chain} #${record.seq}, after ${record.prevHash}` });
  let signed = hexToBytes(hash);
  if (tree) {
    const root = await rootFromPath(hexToBytes(hash), tree.index, tree.size, tree.path.map(hexToBytes));
    const ok = root !== null && bytesToHex(root) === tree.root;
    checks.push({ name: 'Merkle path', ok, detail: ok ? `leaf ${tree.index + 1} of ${tree.size} leads to root ${tree.root}` : 'the audit path does not lead to the signed root' });
    signed = hexToBytes(tree.root);
  }
  const key = keys.find((k) => k.keyId === keyId);
  let sigOk = false;
  if (key) {
    try {
      const pub = await crypto.subtle.importKey('raw', b64url(key.publicKey) as BufferSource, { name: 'Ed25519' }, false, ['verify']);
      sigOk = await crypto.subtle.verify({ name: 'Ed25519' }, pub, b64url(signature) as BufferSource, signed as BufferSource);
    } catch {
      sigOk = false;
    }
  }
  checks.push({ name: 'signature', ok: sigOk, detail: key ? `Ed25519, key ${keyId}` : `key ${keyId} is not published at /v1/keys` });
  return checks;
}
