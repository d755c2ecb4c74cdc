import type { Translation } from '../types';

/** Polish. */
export const pl: Translation = {
  'banner.title': 'Używamy plików cookie',
  'banner.description':
    'Za Twoją zgodą używamy też opcjonalnych plików cookie, również podmiotów trzecich. Zgodę możesz w każdej chwili wycofać.',
  'banner.purposes': 'Opcjonalne pliki cookie:',
  'banner.acceptAll': 'Zaakceptuj wszystkie',
  'banner.rejectAll': 'Odrzuć wszystkie',
  'banner.customize': 'Dostosuj',
  'banner.skipLink': 'Przejdź do zgody na pliki cookie',
  'links.privacyPolicy': 'Polityka prywatności',
  'links.cookiePolicy': 'Polityka plików cookie',
  'preferences.title': 'Ustawienia plików cookie',
  'preferences.description':
    'Wybierz, których plików cookie możemy używać. Niezbędne pliki cookie są zawsze włączone; pozostałe pozostają wyłączone, dopóki ich nie włączysz.',
  'preferences.close': 'Zamknij',
  'preferences.save': 'Zapisz ustawienia',
  'preferences.alwaysOn': 'Zawsze włączone',
  'preferences.vendors': 'Usługi w tej kategorii',
  'preferences.cookies': 'Pliki cookie i czas ich przechowywania',
  'preferences.session': 'do zamknięcia przeglądarki',
  'preferences.vendorPrivacyPolicy': 'Polityka prywatności',
  'preferences.saved': 'Twój wybór dotyczący plików cookie został zapisany.',
  'reopen.label': 'Ustawienia plików cookie',
  'category.necessary.title': 'Niezbędne',
  'category.necessary.description':
    'Potrzebne do działania strony, na przykład do utrzymania logowania, koszyka i zapamiętania Twojego wyboru dotyczącego plików cookie.',
  'category.functional.title': 'Funkcjonalne',
  'category.functional.description':
    'Zapamiętują Twoje ustawienia i wybory, np. język, aby korzystanie ze strony było wygodniejsze.',
  'category.statistics.title': 'Statystyczne',
  'category.statistics.description':
    'Liczą odwiedziny i pokazują, które strony są najczęściej używane, abyśmy mogli ulepszać serwis.',
  'category.targeting.title': 'Reklamowe',
  'category.targeting.description':
    'Rejestrują odwiedzane przez Ciebie strony, aby nasi partnerzy i my mogli wyświetlać reklamy dopasowane do Twoich zainteresowań. Zwykle zapisują je podmioty trzecie.',
  'category.functional.inList': 'funkcjonalne',
  'category.statistics.inList': 'statystyczne',
  'category.targeting.inList': 'reklamowe',
  'duration.afterLastVisit': '{duration} od ostatniej wizyty',
  'duration.afterUpdate': '{duration} od ostatniego zapisania lub aktualizacji',
  'duration.longerInSomeCountries': '{duration} (w niektórych krajach dłużej)',
  'duration.unknown': 'dostawca nie podał',
  'duration.various': 'różny',
  'placeholder.title': 'Treść z {name}',
  'placeholder.text':
    'Ta treść jest zablokowana, dopóki nie zezwolisz na {name}; usługa może zapisywać pliki cookie i zbierać dane o Twojej wizycie.',
  'placeholder.button': 'Wczytaj treść',
};
