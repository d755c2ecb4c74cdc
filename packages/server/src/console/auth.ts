import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { ConsoleStore, Role } from './store.js';

export interface Principal {
  email: string;
  role: Role;
  /** Signed in with the admin bearer token (no cookie, so no CSRF token needed). */
  viaToken: boolean;
  csrf: string | null;
  tokenHash: string | null;
}

const SESSION_HOURS = 12;
const sha256 = (s: string) => createHash('sha256').update(s).digest();
const hex = (s: string) => sha256(s).toString('hex');

/** `__Host-` binds the cookie to this host and path / (browsers require Secure with it, so only over https). */
const cookieName = (secure: boolean) => (secure ? '__Host-consentry_session' : 'consentry_session');
export const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/**
 * Login throttle: 5 failures per email or per client address within 15 minutes lock that key until the
 * window ends (429 with Retry-After). In memory: a restart forgets it, which only ever loosens it once.
 */
export function createLoginThrottle(now: () => number = Date.now, limit = 5, windowMs = 15 * 60_000) {
  const failures = new Map<string, { count: number; until: number }>();
  const bounded = () => {
    if (failures.size < 10_000) return;
    for (const [k, v] of failures) if (v.until <= now()) failures.delete(k);
    if (failures.size >= 10_000) failures.clear();
  };
  return {
    /** Seconds to wait, or 0. */
    blocked(keys: string[]): number {
      let wait = 0;
      for (const k of keys) {
        const f = failures.get(k);
        if (f && f.until > now() && f.count >= limit) wait = Math.max(wait, Math.ceil((f.until - now()) / 1000));
      }
      return wait;
    },
    fail(keys: string[]) {
      bounded();
      for (const k of keys) {
        const f = failures.get(k);
        if (f && f.until > now()) f.count++;
        else failures.set(k, { count: 1, until: now() + windowMs });
      }
    },
    succeed(keys: string[]) {
      for (const k of keys) failures.delete(k);
    },
  };
}

export function createAuth(store: ConsoleStore, adminToken: string | null | undefined) {
  const adminDigest = adminToken ? sha256(adminToken) : null;
  return {
    /** The admin bearer token, compared in constant time over digests. */
    bearerOk(c: Context): boolean | null {
      const auth = c.req.header('authorization');
      if (!auth) return null;
      const token = /^bearer +/i.test(auth) ? auth.replace(/^bearer +/i, '') : '';
      return adminDigest !== null && timingSafeEqual(sha256(token), adminDigest);
    },
    async principal(c: Context): Promise<Principal | null> {
      const bearer = this.bearerOk(c);
      if (bearer !== null) return bearer ? { email: 'admin-token', role: 'owner', viaToken: true, csrf: null, tokenHash: null } : null;
      const token = getCookie(c, cookieName(true)) ?? getCookie(c, cookieName(false));
      if (!token) return null;
      const tokenHash = hex(token);
      const s = await store.session(tokenHash);
      return s ? { email: s.email, role: s.role, viaToken: false, csrf: s.csrf, tokenHash } : null;
    },
    /** A new session: the cookie carries a random token; only its hash is stored. Returns the CSRF token. */
    async startSession(c: Context, email: string): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(24).toString('base64url');
      const expires = new Date(Date.now() + SESSION_HOURS * 3_600_000);
      await store.createSession({ tokenHash: hex(token), email, csrf, expiresAt: expires.toISOString() });
      const secure = isHttps(c);
      setCookie(c, cookieName(secure), token, { httpOnly: true, secure, sameSite: 'Strict', path: '/', expires });
      return csrf;
    },
    async endSession(c: Context, p: Principal) {
      if (p.tokenHash) await store.deleteSession(p.tokenHash);
      const secure = isHttps(c);
      deleteCookie(c, cookieName(secure), { path: '/', secure });
    },
    /** Synchronizer token: a cookie session's unsafe request must echo the session's CSRF token. */
    csrfOk(c: Context, p: Principal): boolean {
      if (p.viaToken) return true;
      const sent = c.req.header('x-csrf-token') ?? '';
      return p.csrf !== null && sent.length > 0 && timingSafeEqual(sha256(sent), sha256(p.csrf));
    },
  };
}
