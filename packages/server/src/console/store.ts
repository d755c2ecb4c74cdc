import type { SqlRunner } from '../storage/types.js';

export type Role = 'owner' | 'marketer';

export interface Account {
  email: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: unknown;
}

export interface Site {
  site: string;
  name: string;
  draft: unknown;
  createdAt: string;
}

export interface ConfigVersion {
  site: string;
  version: number;
  config: unknown;
  etag: string;
  publishedBy: string;
  publishedAt: string;
}

/** One audit row, written in the same transaction as the change it describes. */
export interface AuditInput {
  actor: string;
  action: string;
  subject: string;
  detail?: unknown;
}

const auditStatement = (a: AuditInput, at: string) => ({
  sql: 'INSERT INTO consentry_audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)',
  params: [at, a.actor, a.action, a.subject, JSON.stringify(a.detail ?? null)],
});

interface VersionRow {
  site: string;
  version: number | string;
  config: string;
  etag: string;
  published_by: string;
  published_at: string;
}
const toVersion = (r: VersionRow): ConfigVersion => ({
  site: r.site,
  version: Number(r.version),
  config: JSON.parse(r.config),
  etag: r.etag,
  publishedBy: r.published_by,
  publishedAt: r.published_at,
});

/** The console's tables, the same SQL on SQLite and PostgreSQL. Every change writes its audit row. */
export function createConsoleStore(sql: SqlRunner, now: () => Date = () => new Date()) {
  const at = () => now().toISOString();
  return {
    async countOwners(): Promise<number> {
      const rows = await sql.all<{ n: number | string }>("SELECT count(*) AS n FROM consentry_accounts WHERE role = 'owner'");
      return Number(rows[0]?.n ?? 0);
    },
    async account(email: string): Promise<Account | null> {
      const rows = await sql.all<{ email: string; role: Role; password_hash: string; created_at: string }>(
        'SELECT email, role, password_hash, created_at FROM consentry_accounts WHERE email = ?',
        [email],
      );
      const r = rows[0];
      return r ? { email: r.email, role: r.role, passwordHash: r.password_hash, createdAt: r.created_at } : null;
    },
    async accounts(): Promise<Array<Omit<Account, 'passwordHash'>>> {
      const rows = await sql.all<{ email: string; role: Role; created_at: string }>('SELECT email, role, created_at FROM consentry_accounts ORDER BY email');
      return rows.map((r) => ({ email: r.email, role: r.role, createdAt: r.created_at }));
    },
    /** False when the email is taken. */
    async createAccount(account: { email: string; role: Role; passwordHash: string }, audit: AuditInput): Promise<boolean> {
      if (await this.account(account.email)) return false;
      const t = at();
      try {
        await sql.batch([
          { sql: 'INSERT INTO consentry_accounts (email, role, password_hash, created_at) VALUES (?, ?, ?, ?)', params: [account.email, account.role, account.passwordHash, t] },
          auditStatement(audit, t),
        ]);
      } catch (error) {
        if (await this.account(account.email)) return false; // created meanwhile by another request
        throw error;
      }
      return true;
    },
    async deleteAccount(email: string, audit: AuditInput): Promise<boolean> {
      const [n] = await sql.batch([{ sql: 'DELETE FROM consentry_accounts WHERE email = ?', params: [email] }, auditStatement(audit, at())]);
      return n === 1;
    },
    async createSession(s: { tokenHash: string; email: string; csrf: string; expiresAt: string }): Promise<void> {
      await sql.batch([
        { sql: 'DELETE FROM consentry_sessions WHERE expires_at < ?', params: [at()] },
        { sql: 'INSERT INTO consentry_sessions (token_hash, email, csrf, expires_at) VALUES (?, ?, ?, ?)', params: [s.tokenHash, s.email, s.csrf, s.expiresAt] },
      ]);
    },
    async session(tokenHash: string): Promise<{ email: string; role: Role; csrf: string } | null> {
      const rows = await sql.all<{ email: string; role: Role; csrf: string }>(
        'SELECT s.email, a.role, s.csrf FROM consentry_sessions s JOIN consentry_accounts a ON a.email = s.email WHERE s.token_hash = ? AND s.expires_at > ?',
        [tokenHash, at()],
      );
      return rows[0] ?? null;
    },
    async deleteSession(tokenHash: string): Promise<void> {
      await sql.batch([{ sql: 'DELETE FROM consentry_sessions WHERE token_hash = ?', params: [tokenHash] }]);
    },
    /** An audit row on its own, for an action that changes no table (an export). */
    async note(audit: AuditInput): Promise<void> {
      await sql.batch([auditStatement(audit, at())]);
    },
    async audit(limit: number, beforeId?: number): Promise<AuditEntry[]> {
      const rows = await sql.all<{ id: number | string; at: string; actor: string; action: string; subject: string; detail: string }>(
        `SELECT id, at, actor, action, subject, detail FROM consentry_audit ${beforeId ? 'WHERE id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        beforeId ? [beforeId, limit] : [limit],
      );
      return rows.map((r) => ({ id: Number(r.id), at: r.at, actor: r.actor, action: r.action, subject: r.subject, detail: JSON.parse(r.detail) }));
    },
    async sites(): Promise<Array<Omit<Site, 'draft'> & { published: number | null }>> {
      const rows = await sql.all<{ site: string; name: string; created_at: string; published: number | string | null }>(
        'SELECT s.site, s.name, s.created_at, (SELECT max(version) FROM consentry_config_versions v WHERE v.site = s.site) AS published FROM consentry_sites s ORDER BY s.site',
      );
      return rows.map((r) => ({ site: r.site, name: r.name, createdAt: r.created_at, published: r.published === null ? null : Number(r.published) }));
    },
    async site(site: string): Promise<Site | null> {
      const rows = await sql.all<{ site: string; name: string; draft: string; created_at: string }>('SELECT site, name, draft, created_at FROM consentry_sites WHERE site = ?', [site]);
      const r = rows[0];
      return r ? { site: r.site, name: r.name, draft: JSON.parse(r.draft), createdAt: r.created_at } : null;
    },
    async createSite(s: { site: string; name: string; draft: unknown }, audit: AuditInput): Promise<boolean> {
      if (await this.site(s.site)) return false;
      const t = at();
      try {
        await sql.batch([
          { sql: 'INSERT INTO consentry_sites (site, name, draft, created_at) VALUES (?, ?, ?, ?)', params: [s.site, s.name, JSON.stringify(s.draft), t] },
          auditStatement(audit, t),
        ]);
      } catch (error) {
        if (await this.site(s.site)) return false;
        throw error;
      }
      return true;
    },
    async saveDraft(site: string, draft: unknown, audit: AuditInput): Promise<boolean> {
      const [n] = await sql.batch([{ sql: 'UPDATE consentry_sites SET draft = ? WHERE site = ?', params: [JSON.stringify(draft), site] }, auditStatement(audit, at())]);
      return n === 1;
    },
    async versions(site: string): Promise<ConfigVersion[]> {
      const rows = await sql.all<VersionRow>('SELECT * FROM consentry_config_versions WHERE site = ? ORDER BY version DESC', [site]);
      return rows.map(toVersion);
    },
    /** The newest version, or one by number. */
    async version(site: string, version?: number): Promise<ConfigVersion | null> {
      const rows =
        version === undefined
          ? await sql.all<VersionRow>('SELECT * FROM consentry_config_versions WHERE site = ? ORDER BY version DESC LIMIT 1', [site])
          : await sql.all<VersionRow>('SELECT * FROM consentry_config_versions WHERE site = ? AND version = ?', [site, version]);
      return rows[0] ? toVersion(rows[0]) : null;
    },
    /**
     * A new immutable version numbered one past the newest; the number is taken inside the insert, and
     * the primary key refuses a concurrent publish of the same number (the caller sees the error).
     */
    async publish(site: string, config: unknown, etag: string, audit: AuditInput): Promise<ConfigVersion> {
      const t = at();
      await sql.batch([
        {
          sql: 'INSERT INTO consentry_config_versions (site, version, config, etag, notice_hashes, published_by, published_at) SELECT ?, COALESCE(max(version), 0) + 1, ?, ?, ?, ?, ? FROM consentry_config_versions WHERE site = ?',
          params: [site, JSON.stringify(config), etag, '[]', audit.actor, t, site],
        },
        auditStatement(audit, t),
      ]);
      return (await this.version(site))!;
    },
  };
}

export type ConsoleStore = ReturnType<typeof createConsoleStore>;
