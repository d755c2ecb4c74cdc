// happy-dom reports every iframe page and script file it is told not to load (units never load
// third-party files) with a full stack trace. It prints through Node's own console, which vitest
// captured before it intercepted `console`, so the filter goes there. Exactly those two messages
// are dropped; everything else still prints.
import nodeConsole from 'node:console';

const expected = /^Failed to load (iframe page|script) ".*"\. (Iframe page|JavaScript file) loading is disabled\.$/;
const original = nodeConsole.error;
nodeConsole.error = (...args: unknown[]) => {
  const first = args[0] as { message?: unknown } | undefined;
  if (args.length === 1 && typeof first?.message === 'string' && expected.test(first.message)) return;
  original.apply(nodeConsole, args);
};
