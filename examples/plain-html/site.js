// The site's own code: calls gtag/fbq as real sites do, whether or not consent was given.
// The SDK decides whether anything leaves the page.
window.dataLayer = window.dataLayer || [];
function gtag() { window.dataLayer.push(arguments); }
document.querySelectorAll('.buy').forEach((button) =>
  button.addEventListener('click', () => {
    gtag('event', 'begin_checkout', { plan: button.dataset.plan });
    if (window.fbq) window.fbq('track', 'InitiateCheckout');
  }),
);
document.querySelectorAll('[data-consentry-open]').forEach((button) =>
  button.addEventListener('click', () => window.Consentry && window.Consentry.showPreferences()),
);
