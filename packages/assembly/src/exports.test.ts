import { expect, it } from 'vitest';
import * as assembly from './index.js';

it('exports the door and nothing of its staging (Maybe, settle, experience, schedule, check stay inside)', () => {
  expect(Object.keys(assembly).sort()).toEqual(['catalogIndex', 'closedConsentry', 'createConsentry', 'readConsent', 'stage2']);
});
