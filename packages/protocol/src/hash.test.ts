import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { noticeHash, sha256Hex } from './hash.js';

describe('sha256Hex', () => {
  it('matches the known digest of "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes UTF-8 bytes, same as node:crypto', async () => {
    const text = 'Mēs izmantojam sīkdatnes 🍪';
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('noticeHash', () => {
  it('does not depend on the order the texts were written in', async () => {
    const a = await noticeHash({ language: 'en', texts: { 'banner.title': 'Cookies', 'banner.accept': 'Accept all' } });
    const b = await noticeHash({ language: 'en', texts: { 'banner.accept': 'Accept all', 'banner.title': 'Cookies' } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when one character or the language changes', async () => {
    const base = await noticeHash({ language: 'en', texts: { t: 'Cookies' } });
    expect(await noticeHash({ language: 'en', texts: { t: 'Cookie' } })).not.toBe(base);
    expect(await noticeHash({ language: 'lv', texts: { t: 'Cookies' } })).not.toBe(base);
  });

  it('is the SHA-256 of the canonical { language, texts }', async () => {
    const expected = createHash('sha256').update('{"language":"en","texts":{"a":"1","b":"2"}}').digest('hex');
    expect(await noticeHash({ language: 'en', texts: { b: '2', a: '1' } })).toBe(expected);
  });
});
