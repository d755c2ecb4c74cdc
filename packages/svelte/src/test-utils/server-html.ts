// A real server render: App.svelte compiled for the server by Svelte's Vite plugin (as SvelteKit does)
// and rendered with svelte/server, with the request's Cookie header.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { join } from 'node:path';
import { createServer } from 'vite';
import type { ConsentConfig } from '@consentry/core';

export async function serverHtml(config: ConsentConfig, cookie: string): Promise<string> {
  const vite = await createServer({
    root: join(import.meta.dirname, '../..'),
    configFile: false,
    plugins: [svelte()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'silent',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { default: App } = await vite.ssrLoadModule('/src/test-utils/App.svelte');
    const { render } = (await vite.ssrLoadModule('svelte/server')) as typeof import('svelte/server');
    return render(App, { props: { config, options: { cookie } } }).body;
  } finally {
    await vite.close();
  }
}
