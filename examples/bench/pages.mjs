// The same page set up three ways, in two sizes: the small home page, and a 40-section article
// (the page the issue-18 profile and Lighthouse figures used). Each product is placed as its own docs say: Consentry
// first in <head> (it has to be, to hold trackers); vanilla-cookieconsent's CSS in <head> and its
// UMD + run() at the end of <body>; Klaro's config in <head> and klaro.js with `defer`.
// Same content, same vendors (GA4 + Meta Pixel, both held until consent), same three optional
// categories (functional, analytics/statistics, marketing/targeting).

const GA_ID = 'G-DEMO12345';
const PIXEL_ID = '1234567890';

const GA_INLINE = `window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', '${GA_ID}');`;

const PIXEL_INLINE = `!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?
  n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;
  n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];
  s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');
  fbq('init', '${PIXEL_ID}');
  fbq('track', 'PageView');`;

const SITE_CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1d2330}
  header,main,footer{max-width:46rem;margin:0 auto;padding:1rem}
  header{display:flex;gap:1rem;align-items:center;border-bottom:1px solid #ddd}
  nav a{margin-right:1rem}.logo{font-weight:700;margin-right:auto}
  footer{border-top:1px solid #ddd;font-size:.9rem;color:#555}`;

const BODY = `<header>
    <a class="logo" href="/">Nordlys Tea</a>
    <nav><a href="/">Home</a><a href="/pricing.html">Pricing</a><a href="/blog.html">Blog</a></nav>
  </header>
  <main>
    <h1>Loose-leaf tea from Riga</h1>
    <p>We blend and ship small batches of tea from our shop in Riga to the whole of Europe.</p>
    <p>Our best seller this winter is <strong>Baltic Birch</strong>: black tea with birch leaves and a hint of sea buckthorn.</p>
    <p>Every blend is packed by hand on the day it ships, in paper bags that go in the compost.</p>
    <p><a href="/pricing.html">See our subscription plans</a> or <a href="/blog.html">read the blog</a>.</p>
  </main>
  <footer>
    <p>© 2026 Nordlys Tea SIA, Riga · <a href="/privacy.html">Privacy policy</a> · <a href="/cookies.html">Cookie policy</a></p>
  </footer>`;

// 40 sections of plain article text (about 9,000 words): a long page whose own parsing, layout and
// paint cost something, so the CMP's share is measured against real page work.
const WORDS = 'tea leaf water birch brew cup steep black green oolong harbour winter market shop blend aroma kettle morning river spice'.split(' ');
const sentence = (seed, n) =>
  Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 13 + ((seed * i) % 5)) % WORDS.length]).join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
const paragraph = (seed) => Array.from({ length: 5 }, (_, i) => sentence(seed * 5 + i, 9 + ((seed + i) % 6))).join(' ');
const ARTICLE_BODY = `<header>
    <a class="logo" href="/">Nordlys Tea</a>
    <nav><a href="/">Home</a><a href="/pricing.html">Pricing</a><a href="/blog.html">Blog</a></nav>
  </header>
  <main>
    <article>
    <h1>A winter of tea in the Baltic: forty notes from the shop</h1>
    <p>Forty short notes from a winter of blending, brewing and shipping tea from Riga.</p>
${Array.from({ length: 40 }, (_, s) => `    <section id="s${s + 1}">
      <h2>${s + 1}. ${sentence(s, 4).slice(0, -1)}</h2>
      <p>${paragraph(s * 3)}</p>
      <p>${paragraph(s * 3 + 1)}</p>
      <ul><li>${sentence(s, 5)}</li><li>${sentence(s + 1, 6)}</li><li>${sentence(s + 2, 4)}</li></ul>
      <p>${paragraph(s * 3 + 2)} <a href="#s${((s + 7) % 40) + 1}">See note ${((s + 7) % 40) + 1}</a>.</p>
    </section>`).join('\n')}
    </article>
  </main>
  <footer>
    <p>© 2026 Nordlys Tea SIA, Riga · <a href="/privacy.html">Privacy policy</a> · <a href="/cookies.html">Cookie policy</a></p>
  </footer>`;

/** Page sizes: `small` (the home page) and `article` (40 sections). */
export const VARIANTS = ['small', 'article'];

const page = ({ title, head, body }, variant = 'small') => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Nordlys Tea — ${title}</title>
${head}
  <style>${SITE_CSS}</style>
</head>
<body>
  ${variant === 'article' ? ARTICLE_BODY : BODY}
${body}
</body>
</html>
`;

export const CONSENTRY_CONFIG = {
  revision: 1,
  categories: { functional: {}, statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: GA_ID }, 'meta-pixel': { id: PIXEL_ID } },
  // Pointed at the bench server; nothing is sent before a decision and the bench makes none.
  proof: { endpoint: '/v1/consents' },
  links: { privacyPolicy: '/privacy.html', cookiePolicy: '/cookies.html' },
  layout: 'bar',
  theme: 'light',
};

const CC_CONFIG = {
  // Its default hides the banner when navigator.webdriver is set, which any automated browser sets.
  hideFromBots: false,
  categories: {
    necessary: { enabled: true, readOnly: true },
    functional: {},
    analytics: { autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid' }] }, services: { ga: { label: 'Google Analytics' } } },
    marketing: { autoClear: { cookies: [{ name: '_fbp' }] }, services: { meta: { label: 'Meta Pixel' } } },
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description:
            'We use necessary cookies to run this site. With your consent we also use cookies to remember your choices, measure visits and show relevant ads.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Customize',
          footer: '<a href="/privacy.html">Privacy policy</a> <a href="/cookies.html">Cookie policy</a>',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save choices',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Necessary', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            { title: 'Functional', description: 'Remember your choices, such as language.', linkedCategory: 'functional' },
            { title: 'Statistics', description: 'Measure visits to improve the site.', linkedCategory: 'analytics' },
            { title: 'Marketing', description: 'Show relevant ads and measure them.', linkedCategory: 'marketing' },
          ],
        },
      },
    },
  },
};

// Klaro has no category without a service, so the functional purpose gets the site's own language cookie.
const KLARO_CONFIG = `{
    version: 1,
    elementID: 'klaro',
    storageMethod: 'cookie',
    cookieName: 'klaro',
    cookieExpiresAfterDays: 365,
    privacyPolicy: '/privacy.html',
    default: false,
    mustConsent: false,
    acceptAll: true,
    hideDeclineAll: false,
    lang: 'en',
    translations: { en: { purposes: { functional: 'Functional', analytics: 'Statistics', marketing: 'Marketing' } } },
    services: [
      { name: 'site-language', title: 'Site language', purposes: ['functional'], cookies: ['site_lang'] },
      { name: 'google-analytics', title: 'Google Analytics', purposes: ['analytics'], cookies: [/^_ga/, '_gid'] },
      { name: 'meta-pixel', title: 'Meta Pixel', purposes: ['marketing'], cookies: ['_fbp'] },
    ],
  }`;

/** The setup markup of a product, which the byte counts report separately from its files. */
function ccRun() {
  // JSON cannot carry the RegExp; the real config holds /^_ga/ for autoClear.
  const json = JSON.stringify(CC_CONFIG).replace('{"name":{}}', '{"name":/^_ga/}');
  return `CookieConsent.run(${json});`;
}

export const products = [
  {
    // The page alone: what long tasks, FCP and shifts it has without any CMP.
    id: 'baseline',
    name: 'no CMP (baseline)',
    files: [],
    setup: '',
    html(variant) {
      return page({ title: 'no CMP', head: '', body: '' }, variant);
    },
    banner: null,
  },
  {
    id: 'consentry',
    name: 'Consentry',
    files: ['/cmp/consentry.min.js'],
    setup: `<script type="application/json" id="consentry-config">${JSON.stringify(CONSENTRY_CONFIG)}</script>`,
    html(variant) {
      // The marks are the bench's, not the product's: the guard's synchronous run is what lies
      // between them (less the time its file took to arrive, taken from resource timing).
      return page(
        {
          title: 'Consentry',
          head: `  ${this.setup}\n  <script>performance.mark('guard:before')</script>\n  <script src="/cmp/consentry.min.js"></script>\n  <script>performance.mark('guard:after')</script>`,
          body: '',
        },
        variant,
      );
    },
    // The banner is inside the open shadow root of <consentry-ui>.
    banner: { host: 'consentry-ui', selector: '[role="region"], dialog.b, .b' },
    guardFile: '/cmp/consentry.min.js',
  },
  {
    // The same config checked ahead of time and baked into the compiled guard (consentry-build;
    // run.mjs bakes it from dist/consentry.compiled.js): no config in the page, no validator or
    // catalog index in the file.
    id: 'consentry-compiled',
    name: 'Consentry, compiled guard',
    files: ['/cmp/consentry.site.js'],
    setup: '',
    html(variant) {
      return page(
        {
          title: 'Consentry',
          head: `  <script>performance.mark('guard:before')</script>\n  <script src="/cmp/consentry.site.js"></script>\n  <script>performance.mark('guard:after')</script>`,
          body: '',
        },
        variant,
      );
    },
    banner: { host: 'consentry-ui', selector: '[role="region"], dialog.b, .b' },
    guardFile: '/cmp/consentry.site.js',
  },
  {
    id: 'cookieconsent',
    name: 'vanilla-cookieconsent',
    files: ['/cmp/cc/cookieconsent.css', '/cmp/cc/cookieconsent.umd.js'],
    setup: `<script>${ccRun()}</script>`,
    html(variant) {
      return page({
        title: 'vanilla-cookieconsent',
        head: `  <link rel="stylesheet" href="/cmp/cc/cookieconsent.css">
  <script type="text/plain" data-category="analytics" data-service="ga" async data-src="https://www.googletagmanager.com/gtag/js?id=${GA_ID}"></script>
  <script type="text/plain" data-category="analytics" data-service="ga">${GA_INLINE}</script>
  <script type="text/plain" data-category="marketing" data-service="meta">${PIXEL_INLINE}</script>`,
        body: `  <script src="/cmp/cc/cookieconsent.umd.js"></script>\n  ${this.setup}`,
      }, variant);
    },
    banner: { host: null, selector: '#cc-main .cm' },
  },
  {
    id: 'klaro',
    name: 'Klaro',
    files: ['/cmp/klaro/klaro.js'],
    setup: `<script>var klaroConfig = ${KLARO_CONFIG};</script>`,
    html(variant) {
      return page({
        title: 'Klaro',
        head: `  ${this.setup}
  <script defer data-klaro-config="klaroConfig" src="/cmp/klaro/klaro.js"></script>
  <script type="text/plain" data-type="text/javascript" data-name="google-analytics" async data-src="https://www.googletagmanager.com/gtag/js?id=${GA_ID}"></script>
  <script type="text/plain" data-type="text/javascript" data-name="google-analytics">${GA_INLINE}</script>
  <script type="text/plain" data-type="text/javascript" data-name="meta-pixel">${PIXEL_INLINE}</script>`,
        body: '',
      }, variant);
    },
    banner: { host: null, selector: '.klaro .cookie-notice:not(.cookie-notice-hidden), .klaro .cookie-modal' },
  },
];
