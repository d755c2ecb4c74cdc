// `pnpm start`: builds the packages and runs the product locally.
// Until the demo site lands (browser issue) this runs the engine's test suite verbosely.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
process.exit(run('npx', ['vitest', 'run', '--project', 'core', '--reporter=verbose']));
