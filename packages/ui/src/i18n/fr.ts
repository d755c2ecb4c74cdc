import type { Translation } from '../types';

/** French. */
export const fr: Translation = {
  'banner.title': 'Nous utilisons des cookies',
  'banner.description':
    'Avec votre accord, nous utilisons aussi des cookies facultatifs, y compris de tiers. Vous pouvez retirer votre accord à tout moment.',
  'banner.purposes': 'Cookies facultatifs :',
  'banner.acceptAll': 'Tout accepter',
  'banner.rejectAll': 'Tout refuser',
  'banner.customize': 'Personnaliser',
  'banner.skipLink': 'Aller au consentement aux cookies',
  'links.privacyPolicy': 'Politique de confidentialité',
  'links.cookiePolicy': 'Politique relative aux cookies',
  'preferences.title': 'Préférences en matière de cookies',
  'preferences.description':
    'Choisissez les cookies que nous pouvons utiliser. Les cookies nécessaires sont toujours actifs ; tout le reste reste désactivé jusqu’à ce que vous l’activiez.',
  'preferences.close': 'Fermer',
  'preferences.save': 'Enregistrer mes préférences',
  'preferences.alwaysOn': 'Toujours actifs',
  'preferences.vendors': 'Services de cette catégorie',
  'preferences.cookies': 'Cookies et durée de conservation',
  'preferences.session': 'jusqu’à la fermeture du navigateur',
  'preferences.vendorPrivacyPolicy': 'Politique de confidentialité',
  'preferences.saved': 'Vos choix en matière de cookies ont été enregistrés.',
  'reopen.label': 'Paramètres des cookies',
  'category.necessary.title': 'Nécessaires',
  'category.necessary.description':
    'Indispensables au fonctionnement du site, par exemple pour rester connecté, conserver votre panier et mémoriser vos choix de cookies.',
  'category.functional.title': 'Fonctionnels',
  'category.functional.description':
    'Mémorisent vos réglages et vos choix, comme la langue, pour rendre le site plus pratique.',
  'category.statistics.title': 'Statistiques',
  'category.statistics.description':
    'Comptent les visites et montrent les pages les plus consultées afin que nous puissions améliorer le site.',
  'category.targeting.title': 'Ciblage',
  'category.targeting.description':
    'Enregistrent les sites que vous visitez pour que nous et nos partenaires puissions afficher des publicités adaptées à vos centres d’intérêt. Généralement déposés par des tiers.',
  'category.functional.inList': 'fonctionnels',
  'category.statistics.inList': 'statistiques',
  'category.targeting.inList': 'ciblage',
  'duration.afterLastVisit': '{duration} après la dernière visite',
  'duration.afterUpdate': '{duration} après le dernier dépôt ou la dernière mise à jour',
  'duration.longerInSomeCountries': '{duration} (plus longtemps dans certains pays)',
  'duration.unknown': 'non précisée par le fournisseur',
  'duration.various': 'variable',
  'placeholder.title': 'Contenu de {name}',
  'placeholder.text':
    'Ce contenu est bloqué tant que vous n’autorisez pas {name}, qui peut déposer des cookies et collecter des données sur votre visite.',
  'placeholder.button': 'Charger le contenu',
};
