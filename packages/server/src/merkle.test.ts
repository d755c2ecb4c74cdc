import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildTree, rootFromPath } from './merkle.js';

const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

describe('batch Merkle tree (RFC 9162 shape)', () => {
  it('matches the RFC definition for 1, 2 and 3 leaves', () => {
    const [a, b, c] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const leaf = (x: Buffer) => sha(Buffer.from([0]), x);
    const node = (l: Buffer, r: Buffer) => sha(Buffer.from([1]), l, r);
    expect(buildTree([a]).root).toEqual(leaf(a));
    expect(buildTree([a, b]).root).toEqual(node(leaf(a), leaf(b)));
    expect(buildTree([a, b, c]).root).toEqual(node(node(leaf(a), leaf(b)), leaf(c)));
    expect(buildTree([a, b, c]).path(2)).toEqual([node(leaf(a), leaf(b))]);
  });

  it('gives every leaf of every size up to 70 a path that leads to the root, and no other leaf or index does', () => {
    for (let n = 1; n <= 70; n++) {
      const hashes = Array.from({ length: n }, () => randomBytes(32));
      const tree = buildTree(hashes);
      for (let i = 0; i < n; i++) {
        const path = tree.path(i);
        expect(rootFromPath(hashes[i]!, i, n, path)).toEqual(tree.root);
        if (n > 1) {
          const other = (i + 1) % n;
          expect(rootFromPath(hashes[other]!, i, n, path)?.equals(tree.root) ?? false).toBe(false);
          expect(rootFromPath(hashes[i]!, other, n, path)?.equals(tree.root) ?? false).toBe(false);
        }
      }
    }
  });

  it('refuses an index outside the tree', () => {
    const h = randomBytes(32);
    expect(rootFromPath(h, 1, 1, [])).toBeNull();
    expect(rootFromPath(h, -1, 4, [])).toBeNull();
  });
});
