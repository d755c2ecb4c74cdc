import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe } from 'vitest';
import { describeStorageContract } from '../test-utils/adapter-contract.js';
import { itUpgradesFromVersion1 } from '../test-utils/upgrade-contract.js';
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

describe('SQLite upgrade', () => {
  itUpgradesFromVersion1(async (sql) => {
    const tmp = tempDir();
    const file = join(tmp.dir, 'consentry.sqlite');
    const raw = new Database(file);
    raw.exec(sql);
    raw.close();
    const storage = createSqliteStorage({ file });
    return {
      storage,
      async cleanup() {
        await storage.close();
        tmp.remove();
      },
    };
  }, 'INTEGER');
});
