import { useEffect, useState } from 'preact/hooks';
import { api, type Issue } from './api.js';
import { Publish, Versions } from './publish.js';

interface CatalogVendor {
  id: string;
  name: string;
  category: string;
  idParam: { required: boolean; pattern: string | null; example: string | null } | null;
}
type Config = Record<string, any>;
const CATEGORIES = ['functional', 'statistics', 'targeting'] as const;

const issuesAt = (issues: Issue[], prefix: string) => issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));

export function SiteEditor({ site }: { site: string }) {
  const [draft, setDraft] = useState<Config | null>(null);
  const [name, setName] = useState(site);
  const [live, setLive] = useState<number | null>(null);
  const [catalog, setCatalog] = useState<CatalogVendor[]>([]);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [status, setStatus] = useState('');
  const [texts, setTexts] = useState('');
  const [textsError, setTextsError] = useState('');
  const [filter, setFilter] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    api('GET', `/sites/${encodeURIComponent(site)}`).then((r) => {
      if (!r.ok) return setStatus(r.data.error);
      setDraft(r.data.draft ?? {});
      setName(r.data.name);
      setLive(r.data.published?.version ?? null);
      setIssues(r.data.issues ?? []);
      setTexts(JSON.stringify(r.data.draft?.texts ?? {}, null, 2));
    });
    api<{ vendors: CatalogVendor[] }>('GET', '/catalog').then((r) => setCatalog(r.data.vendors ?? []));
  }, [site, reload]);
  if (!draft) return <h1 tabIndex={-1}>{status || 'Loading…'}</h1>;

  const change = (fn: (c: Config) => void) => {
    const next = structuredClone(draft);
    fn(next);
    setDraft(next);
  };
  const vendors: Config = draft['vendors'] ?? {};
  const on = (id: string) => id in vendors && vendors[id].enabled !== false;
  const toggle = (v: CatalogVendor) =>
    change((c) => {
      c['vendors'] ??= {};
      const entry = c['vendors'][v.id];
      if (on(v.id)) {
        // Off keeps the id (enabled: false), so switching back on needs no retyping.
        if (entry && Object.keys(entry).some((k) => k !== 'enabled')) entry.enabled = false;
        else delete c['vendors'][v.id];
      } else if (entry) delete entry.enabled;
      else c['vendors'][v.id] = {};
    });
  const setVendorId = (id: string, value: string) => change((c) => void (c['vendors'][id].id = value));
  const cats: Config = draft['categories'] ?? { functional: {}, statistics: {}, targeting: {} };
  const gcm = draft['googleConsentMode'] ?? true;

  const save = async () => {
    let config = draft;
    try {
      const parsed = JSON.parse(texts || '{}');
      config = { ...draft, texts: parsed };
      if (Object.keys(parsed).length === 0) delete config['texts'];
      setTextsError('');
    } catch (e) {
      setTextsError(`Texts are not valid JSON: ${(e as Error).message}`);
      return false;
    }
    const r = await api('PUT', `/sites/${encodeURIComponent(site)}/draft`, { config });
    if (!r.ok) {
      setStatus(r.data.error);
      return false;
    }
    setDraft(config);
    setIssues(r.data.issues);
    setStatus(r.data.issues.length ? `Draft saved with ${r.data.issues.length} problem(s) to fix before publishing.` : 'Draft saved.');
    return r.data.issues.length === 0;
  };

  const shown = catalog.filter((v) => v.id in vendors || (filter && `${v.name} ${v.id}`.toLowerCase().includes(filter.toLowerCase())));
  const tag = `<script async src="${location.origin}/s/${site}/consentry.js"></script>`;

  return (
    <>
      <h1 tabIndex={-1}>{name}</h1>
      <p class="muted">
        Site id <code>{site}</code>; {live ? `live: version ${live}` : 'not published yet'}.
      </p>
      <section aria-labelledby="tag-h">
        <h2 id="tag-h">The tag for this site</h2>
        <p>Put it in every page's &lt;head&gt;; a publish reaches visitors within 5 minutes.</p>
        <pre class="code">{tag}</pre>
      </section>

      <section aria-labelledby="vendors-h">
        <h2 id="vendors-h">Vendors</h2>
        <p class="muted">Vendors in this config are listed (on or off); search the catalog to add another.</p>
        <label for="vendor-search">Search the catalog</label>
        <input id="vendor-search" type="search" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
        <ul class="vendors">
          {shown.map((v) => {
            const problems = issuesAt(issues, `vendors.${v.id}`);
            const idInput = `vendor-${v.id}-id`;
            const errId = `vendor-${v.id}-err`;
            return (
              <li key={v.id}>
                <label class="switch">
                  <input type="checkbox" role="switch" checked={on(v.id)} onChange={() => toggle(v)} />
                  <span>
                    {v.name} <span class="muted">({v.category})</span>
                  </span>
                </label>
                {v.id in vendors && v.idParam && (
                  <div class="field">
                    <label for={idInput}>{v.name} id</label>
                    <input
                      id={idInput}
                      value={vendors[v.id].id ?? ''}
                      placeholder={v.idParam.example ?? ''}
                      aria-invalid={problems.length > 0}
                      aria-describedby={problems.length ? errId : undefined}
                      onInput={(e) => setVendorId(v.id, (e.target as HTMLInputElement).value)}
                    />
                  </div>
                )}
                {problems.length > 0 && (
                  <p id={errId} class="error">
                    {problems.map((p) => `${p.path}: ${p.message}`).join('; ')}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="cats-h">
        <h2 id="cats-h">Categories</h2>
        <fieldset>
          <legend>Categories offered to visitors</legend>
          {CATEGORIES.map((k) => (
            <label key={k} class="check">
              <input
                type="checkbox"
                checked={k in cats}
                onChange={() =>
                  change((c) => {
                    c['categories'] = { ...cats };
                    if (k in cats) delete c['categories'][k];
                    else c['categories'][k] = {};
                  })
                }
              />{' '}
              {k}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="links-h">
        <h2 id="links-h">Links</h2>
        {(['privacyPolicy', 'cookiePolicy'] as const).map((k) => (
          <div class="field" key={k}>
            <label for={`link-${k}`}>{k === 'privacyPolicy' ? 'Privacy policy URL' : 'Cookie policy URL'}</label>
            <input
              id={`link-${k}`}
              value={draft['links']?.[k] ?? ''}
              onInput={(e) =>
                change((c) => {
                  const v = (e.target as HTMLInputElement).value;
                  c['links'] = { ...c['links'], [k]: v };
                  if (!v) delete c['links'][k];
                  if (Object.keys(c['links']).length === 0) delete c['links'];
                })
              }
            />
            {issuesAt(issues, `links.${k}`).map((p) => (
              <p class="error" key={p.path}>
                {p.message}
              </p>
            ))}
          </div>
        ))}
      </section>

      <section aria-labelledby="gcm-h">
        <h2 id="gcm-h">Google Consent Mode</h2>
        <label class="check">
          <input type="checkbox" checked={gcm !== false} onChange={() => change((c) => void (c['googleConsentMode'] = gcm === false))} /> Send Consent Mode v2
          signals
        </label>
        {gcm !== false && (
          <div class="field">
            <label for="gcm-mode">Mode</label>
            <select
              id="gcm-mode"
              value={typeof gcm === 'object' ? (gcm.mode ?? 'basic') : 'basic'}
              onChange={(e) => change((c) => void (c['googleConsentMode'] = { ...(typeof gcm === 'object' ? gcm : {}), mode: (e.target as HTMLSelectElement).value }))}
            >
              <option value="basic">Basic: Google's tags wait for consent</option>
              <option value="advanced">Advanced: tags load before consent, every type denied</option>
            </select>
          </div>
        )}
      </section>

      <section aria-labelledby="texts-h">
        <h2 id="texts-h">Texts per language</h2>
        <label for="texts">Overrides as JSON, {'{ "lv": { "banner.title": "…" } }'}; shown as text, never HTML</label>
        <textarea id="texts" rows={6} value={texts} onInput={(e) => setTexts((e.target as HTMLTextAreaElement).value)} />
        {(textsError || issuesAt(issues, 'texts').length > 0) && (
          <p class="error">{textsError || issuesAt(issues, 'texts').map((p) => `${p.path}: ${p.message}`).join('; ')}</p>
        )}
      </section>

      <div class="actions">
        <button type="button" onClick={save}>
          Save draft
        </button>
      </div>
      <p role="status" class="status">
        {status}
      </p>
      {issues.filter((i) => !i.path.startsWith('vendors.') && !i.path.startsWith('links.') && !i.path.startsWith('texts')).map((i) => (
        <p class="error" key={i.path}>
          {i.path || '(config)'}: {i.message}
        </p>
      ))}
      <Publish site={site} live={live} save={save} onPublished={() => setReload(reload + 1)} />
      <Versions site={site} live={live} onPublished={() => setReload(reload + 1)} />
    </>
  );
}
