import type { Context, Hono } from 'hono';
import type { StorageAdapter } from '../storage/types.js';
import { createDeliveryRoutes } from './delivery-routes.js';
import { createGuardFiles, defaultGuardDir } from './delivery.js';
import { createConsoleApi } from './routes.js';
import { defaultUiFile, mountPage } from './page.js';

export interface MountConsoleOptions {
  storage: StorageAdapter;
  adminToken: string | null;
  now: () => Date;
  clientAddress: (c: Context) => string | null;
  /** The built script-tag files; default @consentry/browser's dist. */
  guardDir?: string | null;
  /** The console's browser bundle; default dist/console-ui.js. */
  uiFile?: string | null;
  passwordCost?: { N: number; r: number; p: number };
}

/** The console's routes, in their own module so the server's other routes merge without touching them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mountConsole(app: Hono<any>, options: MountConsoleOptions): void {
  const { api, store } = createConsoleApi(options);
  app.route('/admin/api', api);
  mountPage(app, options.uiFile === undefined ? defaultUiFile() : options.uiFile);
  const guardDir = options.guardDir === undefined ? defaultGuardDir() : options.guardDir;
  app.route('/', createDeliveryRoutes(store, createGuardFiles(guardDir)));
}

export { bakeGuard } from './delivery.js';
export { PUBLISH_REACH_SECONDS } from './delivery-routes.js';
