/** English, the built-in default; its keys define the table every other language must match. */
export const en = {
  'banner.title': 'We use cookies',
  'banner.description':
    'With your consent we also use optional cookies, including third-party ones. You can withdraw your consent at any time.',
  'banner.purposes': 'Optional cookies:',
  'banner.acceptAll': 'Accept all',
  'banner.rejectAll': 'Reject all',
  'banner.customize': 'Customize',
  'banner.skipLink': 'Skip to cookie consent',
  'links.privacyPolicy': 'Privacy policy',
  'links.cookiePolicy': 'Cookie policy',
  'preferences.title': 'Cookie preferences',
  'preferences.description':
    'Choose which cookies we may use. Necessary cookies are always on; everything else stays off until you switch it on.',
  'preferences.close': 'Close',
  'preferences.save': 'Save preferences',
  'preferences.alwaysOn': 'Always on',
  'preferences.vendors': 'Services in this category',
  'preferences.cookies': 'Cookies and how long they are kept',
  'preferences.session': 'until you close the browser',
  'preferences.vendorPrivacyPolicy': 'Privacy policy',
  'preferences.saved': 'Your cookie choices have been saved.',
  'reopen.label': 'Cookie settings',
  'category.necessary.title': 'Necessary',
  'category.necessary.description':
    'Needed for the site to work, for example to keep you signed in, remember your cart and store your cookie choices.',
  'category.functional.title': 'Functional',
  'category.functional.description':
    'Remember the settings and choices you make, such as your language, so the site is easier to use.',
  'category.statistics.title': 'Statistics',
  'category.statistics.description':
    'Count visits and show which pages are used most, so we can improve the site.',
  'category.targeting.title': 'Targeting',
  'category.targeting.description':
    'Record the sites you visit so that we and our partners can show advertising that matches your interests. Usually set by third parties.',
  'category.functional.inList': 'functional',
  'category.statistics.inList': 'statistics',
  'category.targeting.inList': 'targeting',
  'duration.afterLastVisit': '{duration} after the last visit',
  'duration.afterUpdate': '{duration} after it was last set or updated',
  'duration.longerInSomeCountries': '{duration} (longer in some countries)',
  'duration.unknown': 'not stated by the provider',
  'duration.various': 'varies',
  'placeholder.title': 'Content from {name}',
  'placeholder.text':
    'This content is blocked until you allow {name}, which may set cookies and collect data about your visit.',
  'placeholder.button': 'Load content',
};
