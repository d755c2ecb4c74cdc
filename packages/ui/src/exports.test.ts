import { expect, it } from 'vitest';
import * as ui from './index';

it('exports exactly the public API', () => {
  expect(Object.keys(ui).sort()).toEqual(
    ['createConsentUI', 'getNoticeTexts', 'buildDeclaration', 'declarationHtml', 'detectLanguage', 'LANGUAGES', 'en', 'lv', 'ru', 'et', 'lt', 'de', 'fr', 'es', 'pl'].sort(),
  );
});
