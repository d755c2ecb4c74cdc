// Writes the scan's folder: report.json, report.html, consentry.config.json, gated-markup.html and
// the two banner screenshots.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reportHtml } from './report-html.js';
import type { ScanOutput } from './scan.js';
import { configSkeleton, gatedMarkupFile, gatedSnippets } from './skeleton.js';

export interface WrittenFiles {
  dir: string;
  report: string;
  html: string;
  config: string;
  markup: string;
}

export function writeOutputs(out: ScanOutput, dir: string): WrittenFiles {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  const files: WrittenFiles = {
    dir: abs,
    report: join(abs, 'report.json'),
    html: join(abs, 'report.html'),
    config: join(abs, 'consentry.config.json'),
    markup: join(abs, 'gated-markup.html'),
  };
  writeFileSync(files.report, `${JSON.stringify(out.report, null, 2)}\n`);
  writeFileSync(files.html, reportHtml(out.report, out.screenshots));
  writeFileSync(files.config, `${JSON.stringify(configSkeleton(out.report, out.scripts), null, 2)}\n`);
  writeFileSync(files.markup, gatedMarkupFile(gatedSnippets(out.scripts), out.report));
  if (out.screenshots) {
    writeFileSync(join(abs, 'banner-desktop.png'), out.screenshots.desktop);
    writeFileSync(join(abs, 'banner-320.png'), out.screenshots.mobile);
  }
  return files;
}
