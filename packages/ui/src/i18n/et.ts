import type { Translation } from '../types';

/** Estonian. */
export const et: Translation = {
  'banner.title': 'Kasutame küpsiseid',
  'banner.description':
    'Teie nõusolekul kasutame ka valikulisi küpsiseid, sealhulgas kolmandate osapoolte omi. Nõusoleku saate igal ajal tagasi võtta.',
  'banner.purposes': 'Valikulised küpsised:',
  'banner.acceptAll': 'Nõustu kõigiga',
  'banner.rejectAll': 'Keeldu kõigist',
  'banner.customize': 'Kohanda',
  'banner.skipLink': 'Mine küpsiste nõusoleku juurde',
  'links.privacyPolicy': 'Privaatsuspoliitika',
  'links.cookiePolicy': 'Küpsiste kasutamise põhimõtted',
  'preferences.title': 'Küpsiste seaded',
  'preferences.description':
    'Valige, milliseid küpsiseid võime kasutada. Vajalikud küpsised on alati sees; kõik muu jääb välja lülitatuks, kuni te selle sisse lülitate.',
  'preferences.close': 'Sulge',
  'preferences.save': 'Salvesta seaded',
  'preferences.alwaysOn': 'Alati sees',
  'preferences.vendors': 'Selle kategooria teenused',
  'preferences.cookies': 'Küpsised ja nende säilitamise aeg',
  'preferences.session': 'kuni brauseri sulgemiseni',
  'preferences.vendorPrivacyPolicy': 'Privaatsuspoliitika',
  'preferences.saved': 'Teie küpsiste valik on salvestatud.',
  'reopen.label': 'Küpsiste seaded',
  'category.necessary.title': 'Vajalikud',
  'category.necessary.description':
    'Vajalikud saidi toimimiseks, näiteks sisselogituks jäämiseks, ostukorvi ja teie küpsiste valiku meelespidamiseks.',
  'category.functional.title': 'Funktsionaalsed',
  'category.functional.description':
    'Jätavad meelde teie seaded ja valikud, näiteks keele, et saiti oleks mugavam kasutada.',
  'category.statistics.title': 'Statistika',
  'category.statistics.description':
    'Loendavad külastusi ja näitavad, milliseid lehti kasutatakse kõige rohkem, et saaksime saiti parandada.',
  'category.targeting.title': 'Sihtimine',
  'category.targeting.description':
    'Salvestavad külastatud saidid, et meie ja meie partnerid saaksid näidata teie huvidele vastavat reklaami. Tavaliselt paigaldavad need kolmandad osapooled.',
  'category.functional.inList': 'funktsionaalsed',
  'category.statistics.inList': 'statistika',
  'category.targeting.inList': 'sihtimine',
  'duration.afterLastVisit': '{duration} pärast viimast külastust',
  'duration.afterUpdate': '{duration} viimasest määramisest või uuendamisest',
  'duration.longerInSomeCountries': '{duration} (mõnes riigis kauem)',
  'duration.unknown': 'teenusepakkuja pole märkinud',
  'duration.various': 'erinev',
  'placeholder.title': 'Sisu teenusest {name}',
  'placeholder.text':
    'See sisu on blokeeritud, kuni lubate teenuse {name}, mis võib seada küpsiseid ja koguda andmeid teie külastuse kohta.',
  'placeholder.button': 'Laadi sisu',
};
