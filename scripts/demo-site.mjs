// The demo site's static server (used by `pnpm start`): examples/plain-html, then the script-tag
// build. The pages' configs name the consent server as http://127.0.0.1:8787; the HTML is served
// with the port the server really listens on (`PORT`), so the proofs reach it whatever it is.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json' };
const WRITTEN = 'http://127.0.0.1:8787/';

/**
 * An http.Server (not yet listening) for `roots`, pointing the pages' proof endpoint at `serverPort`.
 * `before(req, res)` runs first on every request (the demo's optional CSP header).
 */
export function createDemoSite(roots, serverPort, before = null) {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    before?.(req, res);
    let rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\]*\.\.)+/, '');
    if (rel.endsWith('/')) rel += 'index.html';
    for (const dir of roots) {
      const file = join(dir, rel);
      if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
        let body = readFileSync(file);
        if (extname(file) === '.html') body = Buffer.from(body.toString('utf8').replaceAll(WRITTEN, `http://127.0.0.1:${serverPort}/`));
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        return res.end(body);
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
}
