import { expect, it } from 'vitest';
import * as api from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'AC_COOKIE',
    'LI_PURPOSES',
    'TCF_LANGUAGES',
    'TC_COOKIE',
    'acString',
    'allChoices',
    'createTcf',
    'createTcfUI',
    'decodeTcString',
    'encodeTcString',
    'noChoices',
    'resolveTcfConfig',
    'siteGvl',
    'startTcf',
  ]);
});
