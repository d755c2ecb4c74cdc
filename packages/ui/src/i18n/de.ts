import type { Translation } from '../types';

/** German. */
export const de: Translation = {
  'banner.title': 'Wir verwenden Cookies',
  'banner.description':
    'Mit Ihrer Einwilligung nutzen wir auch optionale Cookies, auch von Dritten. Sie können Ihre Einwilligung jederzeit widerrufen.',
  'banner.purposes': 'Optionale Cookies:',
  'banner.acceptAll': 'Alle akzeptieren',
  'banner.rejectAll': 'Alle ablehnen',
  'banner.customize': 'Anpassen',
  'banner.skipLink': 'Zur Cookie-Einwilligung springen',
  'links.privacyPolicy': 'Datenschutzerklärung',
  'links.cookiePolicy': 'Cookie-Richtlinie',
  'preferences.title': 'Cookie-Einstellungen',
  'preferences.description':
    'Wählen Sie, welche Cookies wir verwenden dürfen. Notwendige Cookies sind immer aktiv; alles andere bleibt aus, bis Sie es einschalten.',
  'preferences.close': 'Schließen',
  'preferences.save': 'Einstellungen speichern',
  'preferences.alwaysOn': 'Immer aktiv',
  'preferences.vendors': 'Dienste in dieser Kategorie',
  'preferences.cookies': 'Cookies und ihre Speicherdauer',
  'preferences.session': 'bis zum Schließen des Browsers',
  'preferences.vendorPrivacyPolicy': 'Datenschutzerklärung',
  'preferences.saved': 'Ihre Cookie-Auswahl wurde gespeichert.',
  'reopen.label': 'Cookie-Einstellungen',
  'category.necessary.title': 'Notwendig',
  'category.necessary.description':
    'Für den Betrieb der Website erforderlich, etwa damit Sie angemeldet bleiben, Ihr Warenkorb und Ihre Cookie-Auswahl erhalten bleiben.',
  'category.functional.title': 'Funktional',
  'category.functional.description':
    'Merken sich Ihre Einstellungen und Auswahlen, zum Beispiel die Sprache, damit die Website bequemer zu nutzen ist.',
  'category.statistics.title': 'Statistik',
  'category.statistics.description':
    'Zählen Besuche und zeigen, welche Seiten am meisten genutzt werden, damit wir die Website verbessern können.',
  'category.targeting.title': 'Targeting',
  'category.targeting.description':
    'Erfassen die von Ihnen besuchten Websites, damit wir und unsere Partner Werbung passend zu Ihren Interessen zeigen können. Meist von Dritten gesetzt.',
  'category.functional.inList': 'funktional',
  'category.statistics.inList': 'Statistik',
  'category.targeting.inList': 'Targeting',
  'duration.afterLastVisit': '{duration} nach dem letzten Besuch',
  'duration.afterUpdate': '{duration} ab dem letzten Setzen oder Aktualisieren',
  'duration.longerInSomeCountries': '{duration} (in manchen Ländern länger)',
  'duration.unknown': 'vom Anbieter nicht angegeben',
  'duration.various': 'unterschiedlich',
  'placeholder.title': 'Inhalt von {name}',
  'placeholder.text':
    'Dieser Inhalt ist blockiert, bis Sie {name} erlauben. Der Dienst kann Cookies setzen und Daten über Ihren Besuch erheben.',
  'placeholder.button': 'Inhalt laden',
};
