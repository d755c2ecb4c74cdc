// A local proxy that refuses everything and records what reached it. Chromium sends every
// non-loopback request through it (`--proxy-server`), including what Playwright's interception
// never sees (redirect targets, service and shared workers, worklets, fetchLater, PaymentRequest,
// FedCM). A test counts third-party traffic here as well as by interception.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RefusingProxy {
  /** `--proxy-server=…` and the bypass list Chromium needs (loopback and the given test hosts stay direct). */
  args(bypass?: readonly string[]): string[];
  /** Every request that reached the proxy: absolute URLs, or `host:port` for a CONNECT (https, wss). */
  readonly seen: string[];
  /** Those whose host matches (a string: the host or a parent domain of it; a RegExp: tested on the entry). */
  hits(host: string | RegExp): string[];
  clear(): void;
  close(): Promise<void>;
}

export async function startRefusingProxy(): Promise<RefusingProxy> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' });
    res.end('refused by the test proxy');
  });
  server.on('connect', (req, socket) => {
    seen.push(req.url ?? '');
    socket.end('HTTP/1.1 502 Refused\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    seen.push(req.url ?? '');
    socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  // A CONNECT entry is `host:port`, which `new URL` would read as a scheme: split it by hand.
  const hostOf = (entry: string): string => {
    if (/^[^/]+:\d+$/.test(entry)) return entry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    try {
      return new URL(entry).hostname;
    } catch {
      return entry;
    }
  };
  return {
    args: (bypass = []) => [`--proxy-server=http://127.0.0.1:${port}`, `--proxy-bypass-list=${['<-loopback>', '127.0.0.1', 'localhost', ...bypass].join(';')}`],
    seen,
    hits: (host) =>
      seen.filter((e) => (typeof host === 'string' ? hostOf(e) === host || hostOf(e).endsWith(`.${host}`) : host.test(e))),
    clear: () => void seen.splice(0),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
