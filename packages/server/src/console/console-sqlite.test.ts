import { join } from 'node:path';
import { createSqliteStorage } from '../storage/sqlite.js';
import { tempDir } from '../test-utils/fixtures.js';
import { describeConsole } from './console-contract.js';

describeConsole('SQLite', async () => {
  const tmp = tempDir();
  const storage = createSqliteStorage({ file: join(tmp.dir, 'consentry.sqlite') });
  return {
    storage,
    async cleanup() {
      await storage.close();
      tmp.remove();
    },
  };
});
