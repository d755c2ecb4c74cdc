import type { Translation } from '../types';

/** Latvian. */
export const lv: Translation = {
  'banner.title': 'Mēs izmantojam sīkdatnes',
  'banner.description':
    'Ar jūsu piekrišanu izmantojam arī izvēles sīkdatnes, tostarp trešo personu. Piekrišanu varat atsaukt jebkurā brīdī.',
  'banner.purposes': 'Izvēles sīkdatnes:',
  'banner.acceptAll': 'Pieņemt visas',
  'banner.rejectAll': 'Noraidīt visas',
  'banner.customize': 'Pielāgot',
  'banner.skipLink': 'Pāriet uz sīkdatņu piekrišanu',
  'links.privacyPolicy': 'Privātuma politika',
  'links.cookiePolicy': 'Sīkdatņu politika',
  'preferences.title': 'Sīkdatņu iestatījumi',
  'preferences.description':
    'Izvēlieties, kuras sīkdatnes drīkstam izmantot. Nepieciešamās sīkdatnes vienmēr ir ieslēgtas; pārējās paliek izslēgtas, līdz jūs tās ieslēdzat.',
  'preferences.close': 'Aizvērt',
  'preferences.save': 'Saglabāt iestatījumus',
  'preferences.alwaysOn': 'Vienmēr ieslēgtas',
  'preferences.vendors': 'Pakalpojumi šajā kategorijā',
  'preferences.cookies': 'Sīkdatnes un to glabāšanas ilgums',
  'preferences.session': 'līdz pārlūka aizvēršanai',
  'preferences.vendorPrivacyPolicy': 'Privātuma politika',
  'preferences.saved': 'Jūsu sīkdatņu izvēle ir saglabāta.',
  'reopen.label': 'Sīkdatņu iestatījumi',
  'category.necessary.title': 'Nepieciešamās',
  'category.necessary.description':
    'Vajadzīgas vietnes darbībai, piemēram, lai jūs paliktu pieslēdzies, saglabātu iepirkumu grozu un jūsu sīkdatņu izvēli.',
  'category.functional.title': 'Funkcionālās',
  'category.functional.description':
    'Atceras jūsu iestatījumus un izvēles, piemēram, valodu, lai vietni būtu ērtāk lietot.',
  'category.statistics.title': 'Statistikas',
  'category.statistics.description':
    'Uzskaita apmeklējumus un parāda, kuras lapas tiek lietotas visvairāk, lai mēs varētu uzlabot vietni.',
  'category.targeting.title': 'Mērķēšanas',
  'category.targeting.description':
    'Reģistrē apmeklētās vietnes, lai mēs un mūsu partneri varētu rādīt jūsu interesēm atbilstošu reklāmu. Parasti tās izvieto trešās personas.',
  'category.functional.inList': 'funkcionālās',
  'category.statistics.inList': 'statistikas',
  'category.targeting.inList': 'mērķēšanas',
  'duration.afterLastVisit': '{duration} pēc pēdējā apmeklējuma',
  'duration.afterUpdate': '{duration} kopš pēdējās iestatīšanas vai atjaunošanas',
  'duration.longerInSomeCountries': '{duration} (dažās valstīs ilgāk)',
  'duration.unknown': 'pakalpojuma sniedzējs nav norādījis',
  'duration.various': 'atšķiras',
  'placeholder.title': 'Saturs no {name}',
  'placeholder.text':
    'Šis saturs ir bloķēts, līdz atļausiet {name}, kas var iestatīt sīkdatnes un vākt datus par jūsu apmeklējumu.',
  'placeholder.button': 'Ielādēt saturu',
};
