import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

interface Change {
  path: string;
  before?: unknown;
  after?: unknown;
}
const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

function DiffTable({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return <p>No changes against the live version.</p>;
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label="Changes">
      <table class="diff">
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Live</th>
            <th scope="col">New</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.path}>
              <td>
                <code>{c.path}</code>
              </td>
              <td class="before">{show(c.before)}</td>
              <td class="after">{show(c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Review the diff, then publish: the publish names the live version the diff was made against. */
export function Publish({ site, live, save, onPublished }: { site: string; live: number | null; save: () => Promise<boolean>; onPublished: () => void }) {
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [message, setMessage] = useState('');
  const review = async () => {
    if (!(await save())) return;
    const r = await api('GET', `/sites/${encodeURIComponent(site)}/diff`);
    setChanges(r.data.changes);
    setMessage('');
  };
  const publish = async () => {
    const r = await api('POST', `/sites/${encodeURIComponent(site)}/publish`, { expectLive: live });
    setChanges(null);
    setMessage(r.ok ? `Published version ${r.data.version}.` : r.data.error);
    if (r.ok) onPublished();
  };
  return (
    <section aria-labelledby="publish-h">
      <h2 id="publish-h">Publish</h2>
      <button type="button" onClick={review}>
        Review changes
      </button>
      {changes && (
        <>
          <DiffTable changes={changes} />
          <button type="button" onClick={publish}>
            Publish version {(live ?? 0) + 1}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setChanges(null)}>
            Cancel
          </button>
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

interface Version {
  version: number;
  publishedBy: string;
  publishedAt: string;
}

export function Versions({ site, live, onPublished }: { site: string; live: number | null; onPublished: () => void }) {
  const [versions, setVersions] = useState<Version[]>([]);
  const [rollback, setRollback] = useState<{ version: number; changes: Change[] } | null>(null);
  useEffect(() => void api('GET', `/sites/${encodeURIComponent(site)}/versions`).then((r) => setVersions(r.data.versions ?? [])), [site, live]);
  const review = async (version: number) => {
    const r = await api('GET', `/sites/${encodeURIComponent(site)}/diff?version=${version}`);
    setRollback({ version, changes: r.data.changes });
  };
  const confirm = async () => {
    if (!rollback) return;
    await api('POST', `/sites/${encodeURIComponent(site)}/publish`, { fromVersion: rollback.version, expectLive: live });
    setRollback(null);
    onPublished();
  };
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="versions-h">
      <h2 id="versions-h">Versions</h2>
      <ul class="cards">
        {versions.map((v) => (
          <li key={v.version}>
            Version {v.version} by {v.publishedBy}, {v.publishedAt.replace('T', ' ').slice(0, 16)} UTC{v.version === live ? ' (live)' : ''}{' '}
            {v.version !== live && (
              <button type="button" class="secondary" onClick={() => review(v.version)}>
                Roll back to version {v.version}
              </button>
            )}
          </li>
        ))}
      </ul>
      {rollback && (
        <>
          <DiffTable changes={rollback.changes} />
          <button type="button" onClick={confirm}>
            Publish version {rollback.version} again
          </button>
        </>
      )}
    </section>
  );
}
