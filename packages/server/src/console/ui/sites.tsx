import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

interface SiteRow {
  site: string;
  name: string;
  published: number | null;
}

export function Sites() {
  const [sites, setSites] = useState<SiteRow[] | null>(null);
  const [error, setError] = useState('');
  const load = () => api<{ sites: SiteRow[] }>('GET', '/sites').then((r) => setSites(r.data.sites ?? []));
  useEffect(() => void load(), []);
  const create = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const r = await api('POST', '/sites', { site: data.get('site'), name: data.get('name') });
    if (!r.ok) return setError(`${r.data.path ? `${r.data.path}: ` : ''}${r.data.error}`);
    setError('');
    form.reset();
    await load();
  };
  return (
    <>
      <h1 tabIndex={-1}>Sites</h1>
      {sites && sites.length === 0 && <p>No sites yet: add the first one below.</p>}
      <ul class="cards">
        {sites?.map((s) => (
          <li key={s.site}>
            <a href={`#/site/${encodeURIComponent(s.site)}`}>{s.name}</a> <code>{s.site}</code>{' '}
            <span class="muted">{s.published ? `live: version ${s.published}` : 'not published'}</span>
          </li>
        ))}
      </ul>
      <h2>Add a site</h2>
      <form onSubmit={create} class="inline">
        <div>
          <label for="new-site">Site id (lowercase letters, digits, -)</label>
          <input id="new-site" name="site" required pattern="[a-z0-9][a-z0-9\-]{0,62}" />
        </div>
        <div>
          <label for="new-name">Name</label>
          <input id="new-name" name="name" />
        </div>
        <button type="submit">Add site</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
