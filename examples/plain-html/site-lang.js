// Functional, first-party: remembers the visitor's site language in the site_lang cookie, so the
// next visit opens in it (lang.js reads it). Runs only with functional consent.
(() => {
  const remember = (lang) => {
    document.cookie = `site_lang=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  };
  remember(document.documentElement.lang);
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-lang]') : null;
    if (link) remember(link.getAttribute('data-lang'));
  });
})();
