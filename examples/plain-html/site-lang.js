// Functional, first-party: remembers the visitor's site language. Runs only with functional consent.
(() => {
  const select = document.getElementById('site-lang');
  const saved = (document.cookie.match(/(?:^|; )site_lang=([^;]*)/) || [])[1];
  const apply = () => {
    if (!select) return;
    if (saved) select.value = saved;
    select.addEventListener('change', () => {
      document.cookie = `site_lang=${select.value}; path=/; max-age=31536000; SameSite=Lax`;
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', apply);
  else apply();
})();
