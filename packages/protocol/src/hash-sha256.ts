// SHA-256 (FIPS 180-4) in plain TypeScript. Browsers only expose crypto.subtle in secure contexts,
// so a plain-http page (intranet, local development, small sites) would otherwise have no way to
// compute a noticeHash. It is also synchronous, which lets the proof client build and store a record
// inside the click that made the decision.

const K = new Uint32Array(64);
// The round constants are the first 32 fractional bits of the cube roots of the first 64 primes.
for (let n = 2, i = 0; i < 64; n++) {
  let prime = true;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
  if (prime) K[i++] = ((Math.cbrt(n) % 1) * 2 ** 32) >>> 0;
}

/** SHA-256 of `data`, as 32 bytes. */
export function sha256(data: Uint8Array): Uint8Array {
  const bits = data.length * 8;
  // Message, a 0x80 byte, zeros, then the 64-bit big-endian bit length: a whole number of blocks.
  const padded = new Uint8Array((data.length + 72) & ~63);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(padded.length - 4, bits >>> 0);

  const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const W = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let t = 0; t < 64; t++) {
      if (t < 16) W[t] = view.getUint32(off + t * 4);
      else {
        const a = W[t - 15]!;
        const b = W[t - 2]!;
        W[t] = (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)) + W[t - 7]! + (rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) + W[t - 16]!;
      }
    }
    let [a, b, c, d, e, f, g, h] = H as unknown as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    H[0]! += a;
    H[1]! += b;
    H[2]! += c;
    H[3]! += d;
    H[4]! += e;
    H[5]! += f;
    H[6]! += g;
    H[7]! += h;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, H[i]!);
  return out;
}
