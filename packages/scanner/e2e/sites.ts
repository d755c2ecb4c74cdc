// The fixture sites, each on its own loopback origin (port 0), as a site owner would have them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const BROWSER_DIST = join(ROOT, 'packages/browser/dist');
export const DEMO = join(ROOT, 'examples/plain-html');
const require = createRequire(import.meta.url);
const CC_DIST = join(dirname(require.resolve('vanilla-cookieconsent/package.json')), 'dist');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.txt': 'text/plain' };

export interface Site {
  url: string;
  /** Paths POSTed to, in order: a scan must never send a form. */
  posts: string[];
  close(): Promise<void>;
}

/** Pages by path, then files from `dirs` (first match wins). POSTs get 201 (the consent proof). */
export async function serve(pages: Record<string, string>, dirs: string[] = []): Promise<Site> {
  const posts: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST') {
      posts.push(path);
      req.resume();
      res.writeHead(201, { 'content-type': 'application/json' });
      return res.end('{"ok":true}');
    }
    const page = pages[path];
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? TYPES['.html']! });
      return res.end(page);
    }
    let rel = normalize(decodeURIComponent(path)).replace(/^([/\\]*\.\.)+/, '');
    if (rel.endsWith('/')) rel += 'index.html';
    for (const dir of dirs) {
      const file = join(dir, rel);
      if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return res.end(readFileSync(file));
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, posts, close: () => new Promise((r) => server.close(() => r())) };
}

const GA = (id: string) => `<script async src="https://www.googletagmanager.com/gtag/js?id=${id}"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', '${id}');</script>`;
const META = `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init', '1234567890');fbq('track', 'PageView');</script>`;
const HOTJAR = `<script>(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:3456789,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>`;

const page = (title: string, head: string, body = '', lang = 'en') => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
${head}
</head><body><h1>${title}</h1>
<nav><a href="/">Home</a> <a href="/about.html">About</a> <a href="/private.html">Private</a> <a href="mailto:x@example.com">Mail</a> <a href="https://elsewhere.example/">Elsewhere</a></nav>
<form action="/order" method="post"><input name="q" value="tea"><button type="submit">Order</button></form>
${body}
</body></html>`;

/** No CMP at all: GA4, Meta Pixel and Hotjar pasted as their vendors hand them out. */
export function noCmpSite(): Promise<Site> {
  // The shop's own code keeps a cart in sessionStorage and IndexedDB.
  const head = `${GA('G-NOCMP1234')}\n${META}\n${HOTJAR}\n<script>sessionStorage.setItem('cart', '[]'); indexedDB.open('shop-cart');</script>`;
  return serve({
    '/': page('Shop without a banner', head),
    '/about.html': page('About', head),
    '/private.html': page('Private', head),
    '/robots.txt': 'User-agent: *\nDisallow: /private.html\n',
  });
}

const CC_CONFIG = {
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: { title: 'We use cookies', description: 'Cookies for statistics, with your consent.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Manage preferences' },
        preferencesModal: { title: 'Preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save', sections: [{ title: 'Statistics', linkedCategory: 'analytics' }] },
      },
    },
  },
};

/** vanilla-cookieconsent from npm, set up as its docs say, but the GA4 snippet pasted without its markup. */
export function peerCmpLeakSite(): Promise<Site> {
  const head = `<link rel="stylesheet" href="/cc/cookieconsent.css">\n${GA('G-LEAKY1234')}`;
  const body = `<script src="/cc/cookieconsent.umd.js"></script><script>CookieConsent.run(${JSON.stringify(CC_CONFIG)});</script>`;
  return serve({
    '/': page('Shop with a leaky banner', head, body),
    '/cc/cookieconsent.css': readFileSync(join(CC_DIST, 'cookieconsent.css'), 'utf8'),
    '/cc/cookieconsent.umd.js': readFileSync(join(CC_DIST, 'cookieconsent.umd.js'), 'utf8'),
  });
}

/** Consentry as docs/getting-started.md says: config first, vendors through config, Hotjar by markup. */
export function consentrySite(): Promise<Site> {
  const config = {
    revision: 1,
    categories: { statistics: {}, targeting: {} },
    vendors: { 'google-analytics': { id: 'G-RIGHT12345' }, 'meta-pixel': { id: '1234567890' }, hotjar: { id: '3456789' } },
    proof: { endpoint: '/v1/consents' },
    links: { privacyPolicy: '/privacy.html' },
  };
  const head = `<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
<script src="/consentry.min.js"></script>
${HOTJAR.replace('<script>', '<script type="text/plain" data-vendor="hotjar" data-category="statistics">')}`;
  return serve({ '/': page('Shop done right', head), '/about.html': page('About', head) }, [BROWSER_DIST]);
}

/** A home-made banner with Accept all and a settings link, but no way to refuse on the first layer. */
export function noRejectSite(): Promise<Site> {
  const head = `<style>#cb{position:fixed;bottom:0;left:0;right:0;background:#fff;border-top:1px solid #000;padding:1rem}</style>`;
  const body = `<div id="cb" role="dialog" aria-label="Cookies"><p>This site uses cookies.</p>
<button type="button" id="ok">Accept all</button> <a href="/settings.html">Settings</a></div>
<script>document.getElementById('ok').addEventListener('click', function () {
  document.cookie = 'site_consent=all; path=/; max-age=15552000';
  document.getElementById('cb').remove();
});</script>`;
  return serve({ '/': page('Shop with accept only', head, body) });
}

/** A Latvian home-made banner: a big Accept button, Reject as a small grey link. */
export function unequalLatvianSite(): Promise<Site> {
  const head = `<style>#cb{position:fixed;bottom:0;left:0;right:0;background:#fff;padding:1rem}
#yes{font:700 18px sans-serif;padding:12px 28px;background:#0a6b2d;color:#fff;border:0}
#no{font:12px sans-serif;color:#666}</style>`;
  // A form-based banner, as server-rendered sites have: the scan must click without submitting it.
  const body = `<form id="cb" role="dialog" aria-label="Sīkdatnes" method="post" action="/consent"><p>Mēs izmantojam sīkdatnes.</p>
<button type="submit" id="yes" name="c" value="all">Pieņemt visas</button> <a href="#" id="no">Noraidīt visas</a></form>
<script>for (const id of ['yes', 'no']) document.getElementById(id).addEventListener('click', function (e) {
  if (id === 'no') e.preventDefault();
  document.cookie = 'lv_choice=' + id + '; path=/; max-age=15552000';
  document.getElementById('cb').hidden = true;
});</script>`;
  return serve({ '/': page('Veikals', head, body, 'lv') });
}

/** The demo site as `pnpm start` serves it: examples/plain-html with the script-tag build beside it. */
export function demoSite(): Promise<Site> {
  return serve({}, [DEMO, BROWSER_DIST]);
}
