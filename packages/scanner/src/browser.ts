// The browser is the one already on the machine: never downloaded. `--browser PATH` wins, then
// CONSENTRY_BROWSER / CHROMIUM_PATH, then the usual install locations of Chromium and Chrome.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export class ScanError extends Error {
  override name = 'ScanError';
}

export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new ScanError(`no browser at --browser ${explicit}`);
    return explicit;
  }
  const fromEnv = env.CONSENTRY_BROWSER || env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new ScanError(`no browser at ${env.CONSENTRY_BROWSER ? 'CONSENTRY_BROWSER' : 'CHROMIUM_PATH'}=${fromEnv}`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new ScanError('no Chromium or Chrome found; install one (apt-get install chromium) or pass --browser PATH');
  return found;
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-sync',
        // Banners that hide from automation (navigator.webdriver) must show as they do to people.
        '--disable-blink-features=AutomationControlled',
      ],
    });
  } catch (error) {
    throw new ScanError(`could not start the browser at ${executablePath}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The browser's own user agent without "Headless", which some sites and banners treat as a bot. */
export async function visitorUserAgent(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const ua = await page.evaluate(() => navigator.userAgent);
    return ua.replace('HeadlessChrome', 'Chrome');
  } finally {
    await context.close();
  }
}
