import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrf, type Me } from './api.js';
import { Accounts, Audit } from './admin-pages.js';
import { Login } from './login.js';
import { Proofs } from './proofs.js';
import { Stats } from './stats.js';
import { SiteEditor } from './site-editor.js';
import { Sites } from './sites.js';

const route = () => location.hash.replace(/^#\/?/, '') || 'sites';

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [page, setPage] = useState(route());
  useEffect(() => {
    const onHash = () => setPage(route());
    addEventListener('hashchange', onHash);
    api<Me>('GET', '/me').then((r) => {
      if (r.ok) setCsrf(r.data.csrf);
      setMe(r.ok ? r.data : null);
    });
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // Each page's heading takes focus, so keyboard and screen reader users land on the new content.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [page, me]);

  if (me === undefined) return <p class="loading">Loading…</p>;
  if (me === null) return <Login onSignedIn={(m) => (setCsrf(m.csrf), setMe(m))} />;
  const signOut = async () => {
    await api('POST', '/logout', {});
    setCsrf(null);
    setMe(null);
  };
  const [section, arg] = page.split('/');
  const link = (href: string, label: string) => (
    <a href={`#/${href}`} aria-current={section === href ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <header class="top">
        <span class="brand">Consentry console</span>
        <nav aria-label="Console">
          {link('sites', 'Sites')}
          {link('stats', 'Statistics')}
          {link('proofs', 'Proofs')}
          {link('audit', 'Audit log')}
          {me.role === 'owner' && link('accounts', 'Accounts')}
        </nav>
        <span class="who">
          {me.email} ({me.role}){' '}
          <button type="button" class="secondary" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main>
        {section === 'site' && arg ? (
          <SiteEditor site={decodeURIComponent(arg)} />
        ) : section === 'stats' ? (
          <Stats />
        ) : section === 'proofs' ? (
          <Proofs />
        ) : section === 'audit' ? (
          <Audit />
        ) : section === 'accounts' && me.role === 'owner' ? (
          <Accounts me={me} />
        ) : (
          <Sites />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
