// `consentry scan <url>`: argument parsing, progress on stderr, the verdicts and the files on stdout,
// and the exit code: 0 clean (or not --ci), 1 a violation with --ci, 2 could not scan.
import { ScanError } from './browser.js';
import { DECLARATION_HELP, declarationMain } from './declaration-cli.js';
import { writeOutputs } from './output.js';
import { scan, VERSION, type Progress, type ScanOptions } from './scan.js';

const HELP = `consentry scan <url> [options]
consentry declaration --config FILE --lang L   (the cookie declaration as HTML; --help for more)

Audits a site before and after consent, with any consent manager or none: crawls same-origin links
breadth-first in headless Chromium and loads each page three times (no interaction, after Reject all,
after Accept all), recording every third-party request, cookie and storage entry.

Options
  --pages N            most pages to scan (default 20)
  --out DIR            where the report goes (default ./consentry-scan)
  --ci                 exit 1 when a violation is found (add --strict to fail on warnings too)
  --browser PATH       Chromium or Chrome to use (default: found on this machine; never downloaded)
  --concurrency N      pages scanned at the same time (default 2)
  --rate N             page loads started per second, at most (default 4)
  --ignore-robots      scan pages robots.txt disallows (only on a site you own)
  --keep-query         scan links that differ only in their query (?lang=lv) as pages of their own
  --wait MS            network quiet time that ends a wait (default 600)
  --banner-timeout MS  how long to look for the banner (default 2500)
  --locale TAG         browser language, e.g. lv-LV (default en-US)
  --quiet              no progress output
  --version, --help

Exit codes: 0 clean, 1 violation found (with --ci), 2 could not scan.`;

interface Parsed {
  url: string;
  out: string;
  ci: boolean;
  strict: boolean;
  quiet: boolean;
  options: Omit<ScanOptions, 'url'>;
}

function parse(argv: string[]): Parsed | string {
  const [cmd, ...rest] = argv;
  if (cmd !== 'scan') return cmd ? `unknown command "${cmd}"; try: consentry scan <url>, or consentry declaration --config FILE` : 'missing command; try: consentry scan <url>';
  const p: Parsed = { url: '', out: 'consentry-scan', ci: false, strict: false, quiet: false, options: {} };
  const num = (flag: string, v: string | undefined): number | string => {
    const n = Number(v);
    return v !== undefined && Number.isFinite(n) && n > 0 ? n : `${flag} needs a positive number`;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? rest[++i];
    const setNum = (key: keyof Parsed['options']) => {
      const n = num(flag, value());
      if (typeof n === 'string') return n;
      (p.options as Record<string, number>)[key] = n;
      return null;
    };
    let err: string | null = null;
    switch (flag) {
      case '--pages': err = setNum('pages'); break;
      case '--concurrency': err = setNum('concurrency'); break;
      case '--rate': err = setNum('ratePerSecond'); break;
      case '--wait': err = setNum('quietMs'); break;
      case '--banner-timeout': err = setNum('bannerTimeoutMs'); break;
      case '--out': p.out = value() ?? ''; if (!p.out) err = '--out needs a directory'; break;
      case '--browser': p.options.browser = value(); if (!p.options.browser) err = '--browser needs a path'; break;
      case '--locale': p.options.locale = value(); break;
      case '--ci': p.ci = true; break;
      case '--strict': p.strict = true; break;
      case '--quiet': p.quiet = true; break;
      case '--ignore-robots': p.options.ignoreRobots = true; break;
      case '--keep-query': p.options.keepQuery = true; break;
      default:
        if (a.startsWith('-')) err = `unknown option ${a}`;
        else if (p.url) err = `one URL only (got ${p.url} and ${a})`;
        else p.url = a;
    }
    if (err) return err;
  }
  if (!p.url) return 'missing URL; try: consentry scan https://www.example.com';
  return p;
}

const fmt = (ms: number) => `${Math.floor(ms / 60000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;

export function progressPrinter(stream: NodeJS.WriteStream): (p: Progress) => void {
  if (stream.isTTY) {
    return (p) => {
      const width = 24;
      const filled = Math.round((width * p.done) / Math.max(1, p.total));
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      const line = `[${bar}] ${p.done}/${p.total} pages, ${p.queued} queued, ${fmt(p.elapsedMs)} ${p.current ?? ''}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 100) - 1)}`);
    };
  }
  return (p) => {
    if (p.lastDone) stream.write(`[${p.done}/${p.total}] ${p.lastDone.url} (${(p.lastDone.ms / 1000).toFixed(1)} s${p.lastDone.error ? `, error: ${p.lastDone.error}` : ''})\n`);
  };
}

export interface MainIo {
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  /** Programmatic only: options the command line cannot give (a shared browser, context set-up). */
  scan?: Partial<ScanOptions>;
}

export async function main(argv: string[], io: MainIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  if (argv[0] === 'declaration') return argv.includes('--help') ? (stdout.write(`${DECLARATION_HELP}\n`), 0) : declarationMain(argv.slice(1), stdout, stderr);
  if (argv.includes('--help') || argv.includes('-h')) return stdout.write(`${HELP}\n`), 0;
  if (argv.includes('--version')) return stdout.write(`${VERSION}\n`), 0;
  const parsed = parse(argv);
  if (typeof parsed === 'string') {
    stderr.write(`consentry: ${parsed}\n`);
    return 2;
  }
  const print = parsed.quiet ? undefined : progressPrinter(stderr);
  try {
    const out = await scan({ ...io.scan, ...parsed.options, url: parsed.url, onProgress: print });
    if (print && stderr.isTTY) stderr.write('\n');
    const files = writeOutputs(out, parsed.out);
    const { summary, verdicts } = out.report;
    const lines = verdicts.filter((v) => v.severity !== 'info').map((v) => `  ${v.severity === 'violation' ? 'VIOLATION' : 'warning  '} ${v.title}`);
    stdout.write(
      `${summary.clean ? 'clean' : 'NOT CLEAN'}: ${summary.violations} violation(s), ${summary.warnings} warning(s) on ${summary.pagesScanned} page(s) in ${(out.report.durationMs / 1000).toFixed(1)} s\n` +
        (lines.length ? `${lines.join('\n')}\n` : '') +
        `report:  ${files.html}\n         ${files.report}\nconfig:  ${files.config}\nmarkup:  ${files.markup}\n`,
    );
    if (!parsed.ci) return 0;
    return summary.violations > 0 || (parsed.strict && summary.warnings > 0) ? 1 : 0;
  } catch (error) {
    if (print && stderr.isTTY) stderr.write('\n');
    const msg = error instanceof ScanError ? error.message : `unexpected error: ${(error as Error).message?.split('\n')[0] ?? String(error)}`;
    stderr.write(`consentry: could not scan: ${msg}\n`);
    return 2;
  }
}
