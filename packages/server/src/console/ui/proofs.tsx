import { useState } from 'preact/hooks';
import type { SealedRecord } from '@consentry/protocol';
import { verifyRecord, type Check } from './verify.js';

type Row = SealedRecord & { noticeOnFile: boolean };
interface Shown {
  record: Row;
  checks: Check[];
  notice: Record<string, string> | null;
}

/** One visitor's records by consent id, each verified here in the browser against /v1/keys. */
export function Proofs() {
  const [shown, setShown] = useState<Shown[] | null>(null);
  const [error, setError] = useState('');
  const search = async (e: Event) => {
    e.preventDefault();
    const id = String(new FormData(e.currentTarget as HTMLFormElement).get('consentId') ?? '').trim();
    setError('');
    setShown(null);
    const res = await fetch(`/v1/consents/${encodeURIComponent(id)}`);
    const data = await res.json();
    if (!res.ok) return setError(data.error ?? `HTTP ${res.status}`);
    const { keys } = await (await fetch('/v1/keys')).json();
    const out: Shown[] = [];
    for (const record of data.records as Row[]) {
      let notice: Record<string, string> | null = null;
      if (record.noticeOnFile) notice = (await (await fetch(`/v1/notices/${record.noticeHash}`)).json()).texts ?? null;
      out.push({ record, checks: await verifyRecord(record, keys), notice });
    }
    setShown(out);
  };
  return (
    <>
      <h1 tabIndex={-1}>Proofs</h1>
      <form onSubmit={search} class="inline">
        <div>
          <label for="consent-id">Consent id</label>
          <input id="consent-id" name="consentId" required autocomplete="off" />
        </div>
        <button type="submit">Find</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <p role="status">
          {shown.length} record(s); {shown.filter((s) => s.checks.every((c) => c.ok)).length} verified.
        </p>
      )}
      {shown?.map(({ record, checks, notice }) => {
        const ok = checks.every((c) => c.ok);
        return (
          <section key={record.recordId} class="card" aria-label={`Record ${record.recordId}`}>
            <h2>
              {record.timestamp.replace('T', ' ').slice(0, 19)} UTC: {record.method} ({record.source}) —{' '}
              <span class={ok ? 'ok' : 'error'}>{ok ? 'verified' : 'NOT verified'}</span>
            </h2>
            <p>
              {record.site}, revision {record.revision}, language {record.language}; granted:{' '}
              {Object.entries(record.choices).filter(([, v]) => v).map(([k]) => k).join(', ')}; vendors:{' '}
              {Object.entries(record.vendors ?? {}).map(([k, v]) => `${k} ${v ? 'on' : 'off'}`).join(', ') || 'none'}
            </p>
            <ul>
              {checks.map((c) => (
                <li key={c.name}>
                  <span class={c.ok ? 'ok' : 'error'}>{c.ok ? '✓' : '✗'}</span> {c.name}: <code>{c.detail}</code>
                </li>
              ))}
            </ul>
            {notice ? (
              <details>
                <summary>The notice texts shown</summary>
                <dl>
                  {Object.entries(notice).map(([k, v]) => (
                    <div key={k}>
                      <dt>
                        <code>{k}</code>
                      </dt>
                      <dd>{v}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            ) : (
              <p class="muted">The notice texts are not on file.</p>
            )}
          </section>
        );
      })}
    </>
  );
}
