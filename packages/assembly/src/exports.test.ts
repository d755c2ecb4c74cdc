import { expect, it } from 'vitest';
import * as assembly from './index.js';

it('exports the door and nothing of its staging (Maybe, settle, experience, schedule, check stay inside)', () => {
  expect(Object.keys(assembly).sort()).toEqual(['INERT_CONFIG', 'catalogBoot', 'catalogIndex', 'closedConsentry', 'createConsentry', 'indexReader', 'readConsent', 'stage2']);
});
