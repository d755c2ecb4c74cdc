import { createHash } from 'node:crypto';

/*
 * A Merkle tree over one batch's record hashes, as Certificate Transparency builds it (RFC 9162
 * section 2.1): leaf = SHA-256(0x00 || record hash), node = SHA-256(0x01 || left || right), the
 * left subtree always the largest power of two below n. One Ed25519 signature over the root seals
 * the whole batch; each record keeps its audit path, so a single receipt verifies on its own.
 */

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

const leafHash = (recordHash: Buffer) => createHash('sha256').update(LEAF).update(recordHash).digest();
const nodeHash = (left: Buffer, right: Buffer) => createHash('sha256').update(NODE).update(left).update(right).digest();

/** Largest power of two strictly below n (n >= 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export interface BatchTree {
  root: Buffer;
  /** The audit path of leaf `index`, nearest sibling first. */
  path(index: number): Buffer[];
}

/** Builds the tree over `recordHashes` (raw 32-byte digests, in chain order). */
export function buildTree(recordHashes: readonly Buffer[]): BatchTree {
  const n = recordHashes.length;
  if (n === 0) throw new Error('a batch tree needs at least one record');
  const leaves = recordHashes.map(leafHash);
  // Subtree hashes by [start, end); the left-balanced shape visits O(n) distinct ranges in all.
  const memo = new Map<number, Buffer>();
  const subtree = (start: number, end: number): Buffer => {
    if (end - start === 1) return leaves[start]!;
    const key = start * 1_000_003 + end;
    let h = memo.get(key);
    if (!h) {
      const k = split(end - start);
      h = nodeHash(subtree(start, start + k), subtree(start + k, end));
      memo.set(key, h);
    }
    return h;
  };
  const root = subtree(0, n);
  return {
    root,
    path(index) {
      const out: Buffer[] = [];
      let start = 0;
      let end = n;
      const stack: Buffer[] = [];
      while (end - start > 1) {
        const k = split(end - start);
        if (index < start + k) {
          stack.push(subtree(start + k, end));
          end = start + k;
        } else {
          stack.push(subtree(start, start + k));
          start += k;
        }
      }
      // Collected root-side first; a verifier folds from the leaf up.
      for (let i = stack.length - 1; i >= 0; i--) out.push(stack[i]!);
      return out;
    },
  };
}

/** The root an audit path leads to from `recordHash` at `index` of `size`, or null if the path cannot fit (RFC 9162 2.1.3.2). */
export function rootFromPath(recordHash: Buffer, index: number, size: number, path: readonly Buffer[]): Buffer | null {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(recordHash);
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}
