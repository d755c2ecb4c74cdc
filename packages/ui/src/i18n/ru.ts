import type { Translation } from '../types';

/** Russian. */
export const ru: Translation = {
  'banner.title': 'Мы используем cookie',
  'banner.description':
    'С вашего согласия используем также необязательные и сторонние cookie. Согласие можно отозвать в любой момент.',
  'banner.purposes': 'Необязательные cookie:',
  'banner.acceptAll': 'Принять все',
  'banner.rejectAll': 'Отклонить все',
  'banner.customize': 'Настроить',
  'banner.skipLink': 'Перейти к согласию на cookie',
  'links.privacyPolicy': 'Политика конфиденциальности',
  'links.cookiePolicy': 'Политика cookie',
  'preferences.title': 'Настройки cookie',
  'preferences.description':
    'Выберите, какие файлы cookie мы можем использовать. Необходимые cookie включены всегда; остальные остаются выключенными, пока вы их не включите.',
  'preferences.close': 'Закрыть',
  'preferences.save': 'Сохранить настройки',
  'preferences.alwaysOn': 'Всегда включены',
  'preferences.vendors': 'Сервисы в этой категории',
  'preferences.cookies': 'Файлы cookie и срок их хранения',
  'preferences.session': 'до закрытия браузера',
  'preferences.vendorPrivacyPolicy': 'Политика конфиденциальности',
  'preferences.saved': 'Ваш выбор cookie сохранён.',
  'reopen.label': 'Настройки cookie',
  'category.necessary.title': 'Необходимые',
  'category.necessary.description':
    'Нужны для работы сайта, например чтобы вы оставались в системе, сохранялась корзина и ваш выбор cookie.',
  'category.functional.title': 'Функциональные',
  'category.functional.description':
    'Запоминают ваши настройки и выбор, например язык, чтобы сайтом было удобнее пользоваться.',
  'category.statistics.title': 'Статистические',
  'category.statistics.description':
    'Подсчитывают посещения и показывают, какие страницы используются чаще всего, чтобы мы могли улучшать сайт.',
  'category.targeting.title': 'Рекламные',
  'category.targeting.description':
    'Отмечают посещённые вами сайты, чтобы мы и наши партнёры могли показывать рекламу, соответствующую вашим интересам. Обычно их устанавливают третьи лица.',
  'category.functional.inList': 'функциональные',
  'category.statistics.inList': 'статистические',
  'category.targeting.inList': 'рекламные',
  'duration.afterLastVisit': '{duration} после последнего посещения',
  'duration.afterUpdate': '{duration} с последней установки или обновления',
  'duration.longerInSomeCountries': '{duration} (в некоторых странах дольше)',
  'duration.unknown': 'поставщик не указал',
  'duration.various': 'разный',
  'placeholder.title': 'Контент {name}',
  'placeholder.text':
    'Этот контент заблокирован, пока вы не разрешите {name}: сервис может устанавливать cookie и собирать данные о вашем посещении.',
  'placeholder.button': 'Загрузить контент',
};
