import type { Translation } from '../types';

/** Spanish. */
export const es: Translation = {
  'banner.title': 'Usamos cookies',
  'banner.description':
    'Con tu consentimiento usamos también cookies opcionales, incluidas las de terceros. Puedes retirar tu consentimiento cuando quieras.',
  'banner.purposes': 'Cookies opcionales:',
  'banner.acceptAll': 'Aceptar todas',
  'banner.rejectAll': 'Rechazar todas',
  'banner.customize': 'Personalizar',
  'banner.skipLink': 'Ir al consentimiento de cookies',
  'links.privacyPolicy': 'Política de privacidad',
  'links.cookiePolicy': 'Política de cookies',
  'preferences.title': 'Preferencias de cookies',
  'preferences.description':
    'Elige qué cookies podemos usar. Las cookies necesarias siempre están activas; todo lo demás permanece desactivado hasta que lo actives.',
  'preferences.close': 'Cerrar',
  'preferences.save': 'Guardar preferencias',
  'preferences.alwaysOn': 'Siempre activas',
  'preferences.vendors': 'Servicios de esta categoría',
  'preferences.cookies': 'Cookies y cuánto tiempo se conservan',
  'preferences.session': 'hasta que cierres el navegador',
  'preferences.vendorPrivacyPolicy': 'Política de privacidad',
  'preferences.saved': 'Tus preferencias de cookies se han guardado.',
  'reopen.label': 'Configuración de cookies',
  'category.necessary.title': 'Necesarias',
  'category.necessary.description':
    'Imprescindibles para que el sitio funcione, por ejemplo para mantener tu sesión, tu carrito y tu elección de cookies.',
  'category.functional.title': 'Funcionales',
  'category.functional.description':
    'Recuerdan tus ajustes y elecciones, como el idioma, para que el sitio sea más cómodo de usar.',
  'category.statistics.title': 'Estadística',
  'category.statistics.description':
    'Cuentan las visitas y muestran qué páginas se usan más para que podamos mejorar el sitio.',
  'category.targeting.title': 'Segmentación',
  'category.targeting.description':
    'Registran los sitios que visitas para que nosotros y nuestros socios podamos mostrarte publicidad acorde con tus intereses. Normalmente las instalan terceros.',
  'category.functional.inList': 'funcionales',
  'category.statistics.inList': 'estadística',
  'category.targeting.inList': 'segmentación',
  'duration.afterLastVisit': '{duration} desde la última visita',
  'duration.afterUpdate': '{duration} desde la última instalación o actualización',
  'duration.longerInSomeCountries': '{duration} (más en algunos países)',
  'duration.unknown': 'el proveedor no la indica',
  'duration.various': 'variable',
  'placeholder.title': 'Contenido de {name}',
  'placeholder.text':
    'Este contenido está bloqueado hasta que permita {name}, que puede instalar cookies y recoger datos sobre su visita.',
  'placeholder.button': 'Cargar contenido',
};
