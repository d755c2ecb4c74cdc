import pg from 'pg';

// CONSENTRY_TEST_DATABASE_URL, when set, is the only database tried.
const CANDIDATES = process.env['CONSENTRY_TEST_DATABASE_URL']
  ? [process.env['CONSENTRY_TEST_DATABASE_URL']]
  : ['postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'];

let found: Promise<string | null> | undefined;

/** The first reachable test database URL, or null. */
export function findPostgres(): Promise<string | null> {
  found ??= (async () => {
    for (const url of CANDIDATES) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return url;
      } catch {
        // try the next candidate
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    return null;
  })();
  return found;
}

/**
 * The PostgreSQL suites run when a database is reachable. Without one they are skipped with a loud
 * warning, unless CONSENTRY_REQUIRE_PG=1 (set in CI), where a missing database fails the run.
 */
export async function postgresForTests(): Promise<string | null> {
  const url = await findPostgres();
  if (url) return url;
  if (process.env['CONSENTRY_REQUIRE_PG'] === '1') {
    throw new Error(`CONSENTRY_REQUIRE_PG=1 but no PostgreSQL answered at ${CANDIDATES.join(' or ')}`);
  }
  console.warn(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '!! WARNING: PostgreSQL is not reachable; the PostgreSQL storage suite  !!',
      '!! is SKIPPED. Tried: ' + CANDIDATES.join(', '),
      '!! Start it, or set CONSENTRY_REQUIRE_PG=1 to make this an error.      !!',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ].join('\n'),
  );
  return null;
}

let counter = 0;
export function uniqueSchema(): string {
  return `consentry_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
}
