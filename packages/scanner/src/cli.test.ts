import { expect, it } from 'vitest';
import { main } from './cli.js';

function sink() {
  const s = { text: '', isTTY: false, write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

it.each([
  [[], 'consentry: missing command; try: consentry scan <url>\n'],
  [['scan'], 'consentry: missing URL; try: consentry scan https://www.example.com\n'],
  [['scan', 'https://a.lv', '--pages', 'x'], 'consentry: --pages needs a positive number\n'],
  [['scan', 'https://a.lv', '--frobnicate'], 'consentry: unknown option --frobnicate\n'],
  [['scan', 'not a url', '--browser', process.execPath], 'consentry: could not scan: not an http(s) URL: not a url\n'],
])('usage errors exit 2 with one line: %j', async (argv, line) => {
  const err = sink();
  expect(await main(argv as string[], { stdout: sink(), stderr: err })).toBe(2);
  expect(err.text).toBe(line);
});

it('prints help with both documented commands', async () => {
  const out = sink();
  expect(await main(['--help'], { stdout: out, stderr: sink() })).toBe(0);
  expect(out.text).toContain('--ci');
  expect(out.text).toContain('Exit codes: 0 clean, 1 violation found (with --ci), 2 could not scan.');
});

it('draws a progress bar on a terminal, plain lines otherwise', async () => {
  const { progressPrinter } = await import('./cli.js');
  const tty = Object.assign(sink(), { isTTY: true, columns: 120 });
  progressPrinter(tty)({ done: 5, queued: 7, total: 20, elapsedMs: 72_000, current: 'https://a.lv/x' });
  expect(tty.text).toBe('\r\x1b[2K[######------------------] 5/20 pages, 7 queued, 1:12 https://a.lv/x');
  const plain = sink();
  const print = progressPrinter(plain);
  print({ done: 0, queued: 1, total: 1, elapsedMs: 0, current: 'https://a.lv/' });
  print({ done: 1, queued: 0, total: 1, elapsedMs: 900, current: null, lastDone: { url: 'https://a.lv/', ms: 900, error: null } });
  expect(plain.text).toBe('[1/1] https://a.lv/ (0.9 s)\n');
});
