import { expect, it } from 'vitest';
import * as assembly from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(assembly).sort()).toEqual(['assemble', 'settle', 'startExperience', 'startGuard', 'startProof', 'whenIdle']);
});
