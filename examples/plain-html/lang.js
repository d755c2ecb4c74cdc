// Necessary, first-party, no cookie: picks the page language as a multilingual Baltic site does —
// the address first (?lang=lv), then the visitor's remembered choice (the functional site_lang
// cookie, present only if they allowed it), then the browser's languages — and sets <html lang>.
// It runs before consentry.min.js, so the banner opens in the same language as the page.
(() => {
  const LANGS = ['lv', 'ru', 'en'];
  const pick = (tag) => (tag || '').toLowerCase().split('-')[0];
  const fromUrl = pick(new URLSearchParams(location.search).get('lang'));
  const saved = pick((document.cookie.match(/(?:^|; )site_lang=([^;]*)/) || [])[1]);
  const browser = (navigator.languages || [navigator.language]).map(pick).find((l) => LANGS.includes(l));
  const lang = [fromUrl, saved, browser, 'lv'].find((l) => LANGS.includes(l));
  document.documentElement.lang = lang;

  // The site's own words in the three languages (the banner brings its own).
  const T = {
    nav: { en: ['Home', 'Pricing', 'Blog'], lv: ['Sākums', 'Cenas', 'Blogs'], ru: ['Главная', 'Цены', 'Блог'] },
    h1: { en: 'Loose-leaf tea from Riga', lv: 'Beramā tēja no Rīgas', ru: 'Развесной чай из Риги' },
    privacy: { en: 'Privacy policy', lv: 'Privātuma politika', ru: 'Политика конфиденциальности' },
    cookies: { en: 'Cookie policy', lv: 'Sīkdatņu politika', ru: 'Политика cookie' },
    settings: { en: 'Cookie settings', lv: 'Sīkdatņu iestatījumi', ru: 'Настройки cookie' },
    switcher: { en: 'Site language', lv: 'Vietnes valoda', ru: 'Язык сайта' },
  };
  const NAMES = { lv: 'Latviešu', ru: 'Русский', en: 'English' };

  const apply = () => {
    // Internal links keep the language, as /lv/… paths would on a real site.
    for (const a of document.querySelectorAll('a[href^="/"]')) {
      const url = new URL(a.getAttribute('href'), location.origin);
      url.searchParams.set('lang', lang);
      a.setAttribute('href', url.pathname + url.search + url.hash);
    }
    document.querySelectorAll('header nav a').forEach((a, i) => (a.textContent = T.nav[lang][i] || a.textContent));
    const h1 = document.querySelector('main h1[data-i18n="h1"]');
    if (h1) h1.textContent = T.h1[lang];
    const footer = document.querySelector('footer');
    if (footer) {
      footer.querySelectorAll('a[href^="/privacy.html"]').forEach((a) => (a.textContent = T.privacy[lang]));
      footer.querySelectorAll('a[href^="/cookies.html"]').forEach((a) => (a.textContent = T.cookies[lang]));
      footer.querySelectorAll('[data-consentry-open]').forEach((b) => (b.textContent = T.settings[lang]));
    }
    // The switcher: one link per language, each in its own language.
    const header = document.querySelector('header');
    if (header && !header.querySelector('.langs')) {
      const nav = document.createElement('nav');
      nav.className = 'langs';
      nav.setAttribute('aria-label', T.switcher[lang]);
      for (const l of LANGS) {
        const a = document.createElement('a');
        const url = new URL(location.href);
        url.searchParams.set('lang', l);
        a.href = url.pathname + url.search;
        a.lang = l;
        a.hreflang = l;
        a.textContent = NAMES[l];
        a.setAttribute('data-lang', l);
        if (l === lang) a.setAttribute('aria-current', 'true');
        nav.append(a);
      }
      header.append(nav);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', apply);
  else apply();
})();
