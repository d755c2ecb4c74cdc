import { expect, it } from 'vitest';
import { appOnSqlite } from './test-utils/app-harness.js';
import { makeRecord } from './test-utils/fixtures.js';

// A small deterministic PRNG, so a failing body can be reproduced from the seed.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261123;
const COUNT = 10_000;

function fuzzBodies(rand: () => number): Array<string | Uint8Array> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const weird: unknown[] = [
    null, true, 0, -1, 1e308, 'x', '', [], {}, '\u0000', '\ud800', 'A'.repeat(5000), [1, [2, [3]]],
    { __proto__: 1 }, { constructor: { prototype: { polluted: true } } }, '2026-13-99T99:99:99Z', -0, 1.5, '<script>',
  ];
  const pollution = ['__proto__', 'constructor', 'prototype'];
  const out: Array<string | Uint8Array> = [];
  for (let i = 0; i < COUNT; i++) {
    const kind = i % 10;
    const record = makeRecord() as unknown as Record<string, unknown>;
    const keys = Object.keys(record);
    if (kind <= 3) {
      // A valid record with one to three fields replaced, removed or added.
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
        const op = rand();
        const key = pick(keys);
        if (op < 0.6) record[key] = pick(weird);
        else if (op < 0.8) delete record[key];
        else record[pick([...pollution, 'extra', 'choices'])] = pick(weird);
      }
      let text = JSON.stringify(record);
      if (rand() < 0.3) text = text.replace('"vendors":{', `"vendors":{"${pick(pollution)}":{"isAdmin":true},`);
      if (rand() < 0.2) text = `{"__proto__":{"polluted":1},${text.slice(1)}`;
      out.push(text);
    } else if (kind === 4) {
      const depth = 1 + Math.floor(rand() * 7000);
      out.push(rand() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
    } else if (kind === 5) {
      out.push(JSON.stringify({ ...record, userAgent: 'x'.repeat(Math.floor(rand() * 40_000)) }));
    } else if (kind === 6) {
      const bytes = new Uint8Array(1 + Math.floor(rand() * 300));
      for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(rand() * 256);
      out.push(bytes);
    } else if (kind === 7) {
      // Valid JSON text with invalid UTF-8 spliced into a string.
      const text = new TextEncoder().encode(JSON.stringify(record));
      const at = text.indexOf(0x4d); // the M of Mozilla in userAgent
      const bytes = new Uint8Array(text);
      bytes[at] = pick([0xff, 0xc0, 0xed, 0x80]);
      out.push(bytes);
    } else if (kind === 8) {
      const text = JSON.stringify(record);
      out.push(text.slice(0, Math.floor(rand() * text.length)));
    } else {
      out.push(JSON.stringify(pick(weird)));
    }
  }
  return out;
}

it(`survives ${COUNT} random and malformed bodies with zero 5xx and stays healthy`, { timeout: 60_000 }, async () => {
  const h = await appOnSqlite();
  try {
    const bodies = fuzzBodies(prng(SEED));
    const statuses = new Map<number, number>();
    const fiveHundreds: string[] = [];
    const paths = ['/v1/consents', '/v1/consents', '/v1/consents', '/v1/notices'];
    for (let i = 0; i < bodies.length; i += 100) {
      await Promise.all(
        bodies.slice(i, i + 100).map(async (body, j) => {
          const res = await h.post(paths[(i + j) % paths.length]!, body);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) fiveHundreds.push(`#${i + j}: ${res.status} ${await res.text()}`);
          else await res.arrayBuffer();
        }),
      );
    }
    expect(fiveHundreds).toEqual([]);
    expect([...statuses.keys()].every((s) => [200, 201, 400, 409, 413].includes(s))).toBe(true);
    expect(statuses.get(400)).toBeGreaterThan(COUNT / 2);
    expect(statuses.get(413)).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect((await h.app.request('/healthz')).status).toBe(200);
    expect((await h.post('/v1/consents', makeRecord())).status).toBe(201);
  } finally {
    await h.close();
  }
});
