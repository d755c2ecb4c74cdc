import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from './hash-sha256.js';
import { noticeHash, noticeHashSync, sha256Hex } from './hash.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const node = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('sha256 (pure TypeScript, for pages without crypto.subtle)', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    const enc = new TextEncoder();
    expect(hex(sha256(enc.encode('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(enc.encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(enc.encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(hex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('matches node:crypto for every length around the 64-byte block and padding boundaries', () => {
    for (let n = 0; n <= 300; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(hex(sha256(bytes)), `length ${n}`).toBe(node(bytes));
    }
  });

  it('matches node:crypto on random inputs up to 20 KB', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(randomBytes(Math.floor(Math.random() * 20_000)));
      expect(hex(sha256(bytes))).toBe(node(bytes));
    }
  });
});

describe('hashing where crypto.subtle is missing (plain-http pages)', () => {
  afterEach(() => vi.unstubAllGlobals());
  const texts = [
    '',
    'Mēs izmantojam sīkdatnes 🍪',
    'Мы используем файлы cookie',
    'Wir verwenden Cookies – Ä Ö Ü ß',
    '中文 日本語 한국어 \u{1F600}\u{1F9D1}\u200D\u{1F680}',
    'x'.repeat(55),
    'é'.repeat(28), // 56 UTF-8 bytes: the length no longer fits the first block
    '🍪'.repeat(16), // 64 bytes
  ];

  it('sha256Hex gives the same digest as WebCrypto and node:crypto', async () => {
    const viaSubtle = await Promise.all(texts.map((t) => sha256Hex(t)));
    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
    expect(globalThis.crypto.subtle).toBeUndefined();
    for (const [i, t] of texts.entries()) {
      const fallback = await sha256Hex(t);
      expect(fallback).toBe(viaSubtle[i]);
      expect(fallback).toBe(node(Buffer.from(t, 'utf8')));
    }
  });

  it('noticeHash and noticeHashSync agree with the WebCrypto noticeHash', async () => {
    const notice = { language: 'lv', texts: { 'banner.title': texts[1]!, 'banner.text': texts[4]!, 'banner.accept': 'Piekrist' } };
    const viaSubtle = await noticeHash(notice);
    expect(noticeHashSync(notice)).toBe(viaSubtle);
    vi.stubGlobal('crypto', undefined);
    expect(await noticeHash(notice)).toBe(viaSubtle);
    expect(noticeHashSync(notice)).toBe(viaSubtle);
  });
});
