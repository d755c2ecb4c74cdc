import { expect, it } from 'vitest';
import * as browser from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(browser).sort()).toEqual(['autoInit', 'createConsentryApi', 'fileParts']);
});
