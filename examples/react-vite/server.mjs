// A tiny production server for the built example: server-renders "/" from the request's
// consent cookie and serves the client assets. Run `pnpm build` first.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./dist/', import.meta.url));
const template = await readFile(join(root, 'client/index.html'), 'utf8');
const { render } = await import('./dist/server/entry-server.js');
const types = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.html': 'text/html' };
const port = Number(process.env.PORT ?? 5174);

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/assets/')) {
    const file = normalize(join(root, 'client', url.pathname));
    if (!file.startsWith(join(root, 'client'))) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
    return;
  }
  const { html, state } = render(req.headers.cookie);
  const page = template
    .replace('<!--ssr-html-->', html)
    .replace('<!--ssr-state-->', `<script type="application/json" id="consent-state">${state}</script>`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
}).listen(port, () => console.log(`React example (server-rendered): http://localhost:${port}/`));
