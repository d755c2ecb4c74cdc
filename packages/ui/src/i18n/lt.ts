import type { Translation } from '../types';

/** Lithuanian. */
export const lt: Translation = {
  'banner.title': 'Naudojame slapukus',
  'banner.description':
    'Jums sutikus naudojame ir pasirenkamus slapukus, įskaitant trečiųjų šalių. Sutikimą galite bet kada atšaukti.',
  'banner.purposes': 'Pasirenkami slapukai:',
  'banner.acceptAll': 'Priimti visus',
  'banner.rejectAll': 'Atmesti visus',
  'banner.customize': 'Tinkinti',
  'banner.skipLink': 'Pereiti prie sutikimo dėl slapukų',
  'links.privacyPolicy': 'Privatumo politika',
  'links.cookiePolicy': 'Slapukų politika',
  'preferences.title': 'Slapukų nustatymai',
  'preferences.description':
    'Pasirinkite, kuriuos slapukus galime naudoti. Būtinieji slapukai visada įjungti; visi kiti lieka išjungti, kol patys jų neįjungsite.',
  'preferences.close': 'Uždaryti',
  'preferences.save': 'Išsaugoti nustatymus',
  'preferences.alwaysOn': 'Visada įjungti',
  'preferences.vendors': 'Šios kategorijos paslaugos',
  'preferences.cookies': 'Slapukai ir jų saugojimo trukmė',
  'preferences.session': 'kol uždarysite naršyklę',
  'preferences.vendorPrivacyPolicy': 'Privatumo politika',
  'preferences.saved': 'Jūsų slapukų pasirinkimas išsaugotas.',
  'reopen.label': 'Slapukų nustatymai',
  'category.necessary.title': 'Būtinieji',
  'category.necessary.description':
    'Reikalingi svetainės veikimui, pavyzdžiui, kad liktumėte prisijungę, būtų išsaugotas pirkinių krepšelis ir jūsų pasirinkimas dėl slapukų.',
  'category.functional.title': 'Funkciniai',
  'category.functional.description':
    'Įsimena jūsų nustatymus ir pasirinkimus, pavyzdžiui, kalbą, kad svetainę būtų patogiau naudoti.',
  'category.statistics.title': 'Statistikos',
  'category.statistics.description':
    'Skaičiuoja apsilankymus ir parodo, kurie puslapiai naudojami dažniausiai, kad galėtume tobulinti svetainę.',
  'category.targeting.title': 'Tiksliniai',
  'category.targeting.description':
    'Fiksuoja jūsų lankomas svetaines, kad mes ir mūsų partneriai galėtume rodyti jūsų interesus atitinkančią reklamą. Paprastai juos įrašo trečiosios šalys.',
  'category.functional.inList': 'funkciniai',
  'category.statistics.inList': 'statistikos',
  'category.targeting.inList': 'tiksliniai',
  'duration.afterLastVisit': '{duration} nuo paskutinio apsilankymo',
  'duration.afterUpdate': '{duration} nuo paskutinio įrašymo ar atnaujinimo',
  'duration.longerInSomeCountries': '{duration} (kai kuriose šalyse ilgiau)',
  'duration.unknown': 'paslaugos teikėjas nenurodė',
  'duration.various': 'įvairi',
  'placeholder.title': 'Turinys iš {name}',
  'placeholder.text':
    'Šis turinys užblokuotas, kol neleisite {name}: paslauga gali įrašyti slapukus ir rinkti duomenis apie jūsų apsilankymą.',
  'placeholder.button': 'Įkelti turinį',
};
