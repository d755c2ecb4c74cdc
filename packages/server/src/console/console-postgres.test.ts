import { createPostgresStorage, dropPostgresSchema } from '../storage/postgres.js';
import { postgresForTests, uniqueSchema } from '../test-utils/postgres.js';
import { describeConsole } from './console-contract.js';

const url = await postgresForTests();

if (url) {
  describeConsole(`PostgreSQL (${url})`, async () => {
    const schema = uniqueSchema();
    const storage = createPostgresStorage({ connectionString: url, schema });
    return {
      storage,
      async cleanup() {
        await storage.close();
        await dropPostgresSchema(url, schema);
      },
    };
  });
}
