import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/consentry-server.mjs', import.meta.url));

/**
 * Builds dist/ once for all test files: vitest runs files in parallel, and two builds at once would
 * delete each other's output. A lock directory serialises them; a fresh build is reused.
 */
export async function buildServer(): Promise<void> {
  const lock = join(PACKAGE_DIR, '.build-lock');
  const stamp = join(PACKAGE_DIR, 'dist', '.built-at');
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true }); // a crashed run left it
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    const fresh = existsSync(stamp) && Date.now() - statSync(stamp).mtimeMs < 60_000;
    if (!fresh) {
      await run(process.execPath, ['build.mjs', '--quiet', '--no-types'], { cwd: PACKAGE_DIR });
      writeFileSync(stamp, new Date().toISOString());
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs a CLI command to completion. */
export async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Starts `consentry-server serve` on a free loopback port and resolves with its URL and its output so far (and on). */
export function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}
