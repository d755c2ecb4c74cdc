import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { MAX_RECORD_BYTES } from '@consentry/protocol';
import type { ConsentryApp } from './app.js';
import type { Answer } from './record-writer.js';

/*
 * The Node request listener. `POST /v1/consents` (the one route under load: every visitor
 * decision) is answered straight from Node's request and response objects, without building a
 * web-standard Request/Response pair per call; a CPU profile showed that adapter work as one of
 * the largest costs per record. Same code behind it as the Hono route (record-writer.ts), same
 * answers, same CORS headers. Every other route goes through Hono.
 */
export function createRequestListener(app: ConsentryApp): RequestListener {
  const hono = getRequestListener(app.fetch);
  return (req, res) => {
    if (req.method === 'POST' && req.url === '/v1/consents') void postRecord(app, req, res);
    else void hono(req, res);
  };
}

function send(res: ServerResponse, answer: Answer, origin: string | undefined, allowed: boolean, close = false) {
  const text = JSON.stringify(answer.body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...answer.headers,
  };
  if (origin !== undefined && allowed) {
    headers['access-control-allow-origin'] = origin;
    headers['vary'] = 'Origin';
  }
  if (close) headers['connection'] = 'close';
  res.writeHead(answer.status, headers);
  res.end(text);
}

async function postRecord(app: ConsentryApp, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && app.originAllowed(origin);
  try {
    const forwarded = req.headers['x-forwarded-for'];
    const address = app.clientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded);
    const refused = app.recordWriter.guard(origin, address);
    if (refused) return send(res, refused, origin, allowed, true);
    const bytes = await readLimited(req, MAX_RECORD_BYTES);
    // Over the limit: answer and close, rather than read the rest of a body we will not use.
    send(res, await app.recordWriter.post(bytes, address), origin, allowed, bytes === null);
  } catch (error) {
    console.error('[consentry-server]', error);
    if (!res.headersSent) send(res, { status: 500, body: { error: 'internal error' } }, origin, allowed, true);
    else res.destroy();
  }
}

/** The body, or null as soon as it is (or says it will be) larger than `max`. */
function readLimited(req: IncomingMessage, max: number): Promise<Uint8Array | null> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > max)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.off('end', onEnd);
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}
