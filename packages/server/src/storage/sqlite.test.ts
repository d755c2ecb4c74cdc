import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describeStorageContract } from '../test-utils/adapter-contract.js';
import { tempDir } from '../test-utils/fixtures.js';
import { createSqliteStorage } from './sqlite.js';

describeStorageContract('SQLite (temp file)', async () => {
  const tmp = tempDir();
  const file = join(tmp.dir, 'consentry.sqlite');
  const storage = createSqliteStorage({ file });
  return {
    storage,
    async exec(sql) {
      const raw = new Database(file);
      try {
        raw.exec(sql);
      } finally {
        raw.close();
      }
    },
    async cleanup() {
      await storage.close();
      tmp.remove();
    },
  };
});
