import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import type { ConsentRecord } from '@consentry/protocol';
import { keyIdOf, rawPublicKey, type SigningKey } from '../keys.js';

export function makeRecord(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    schema: 'consentry.record/1',
    recordId: randomUUID(),
    consentId: randomUUID(),
    timestamp: '2026-11-23T10:00:00.000Z',
    site: 'www.example.com',
    url: 'https://www.example.com/pricing',
    revision: 1,
    language: 'en',
    noticeHash: 'a'.repeat(64),
    choices: { necessary: true, functional: false, statistics: true, targeting: false },
    vendors: { 'google-analytics': true },
    method: 'custom',
    source: 'banner',
    gpc: false,
    userAgent: 'Mozilla/5.0 (test)',
    ...overrides,
  };
}

export function makeSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyRaw = rawPublicKey(publicKey);
  return { keyId: keyIdOf(publicKeyRaw), privateKey, publicKey, publicKeyRaw };
}

export function tempDir(prefix = 'consentry-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
