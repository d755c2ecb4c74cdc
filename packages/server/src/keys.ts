import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Raw 32-byte public key, base64url. */
  publicKeyRaw: string;
}

export function rawPublicKey(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('signing key is not an Ed25519 key');
  return jwk.x;
}

export function publicKeyFromRaw(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
}

/** `ed25519-` + the first 16 hex digits of SHA-256 over the raw public key. */
export function keyIdOf(publicKeyRaw: string): string {
  return `ed25519-${createHash('sha256').update(Buffer.from(publicKeyRaw, 'base64url')).digest('hex').slice(0, 16)}`;
}

function fromPrivate(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const publicKeyRaw = rawPublicKey(publicKey);
  return { keyId: keyIdOf(publicKeyRaw), privateKey, publicKey, publicKeyRaw };
}

function readKey(path: string): SigningKey {
  return fromPrivate(createPrivateKey(readFileSync(path, 'utf8')));
}

function generate(path: string): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  mkdirSync(dirname(path), { recursive: true });
  // Written whole beside it, then linked into place: another process starting at the same moment
  // sees either no key or a complete one, never a half-written file. `link` fails with EEXIST if
  // that process won, and then its key is kept instead of ours.
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
  } finally {
    unlinkSync(tmp);
  }
  return fromPrivate(privateKey);
}

/** Loads the Ed25519 signing key (PKCS#8 PEM) at `path`, generating and persisting it on first start. */
export function loadOrCreateSigningKey(path: string): SigningKey {
  try {
    return readKey(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    return generate(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKey(path);
    throw error;
  }
}

/** Moves the current key aside (`<path>.retired-<keyId>`) and generates a new one. */
export function rotateSigningKey(path: string): { retired: SigningKey | null; current: SigningKey } {
  let retired: SigningKey | null = null;
  try {
    retired = readKey(path);
    renameSync(path, `${path}.retired-${retired.keyId}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { retired, current: generate(path) };
}
