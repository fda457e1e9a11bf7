/**
 * The inspector's local server: serves its own page and assets, the one inspection it was started with, and a
 * WebSocket relay for live runs. Loopback by default; refuses what it does not serve.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { type Asset, loadAssets } from './assets.js';

/** How to start an inspector server. */
export interface ServerOptions {
  /** The inspection to serve, as JSON text (built once at start). */
  inspection: string;
  /** The texts of `<style>` elements the page inserts (the chart's own), allowed by hash in the CSP. */
  styles?: string[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Called when a page asks for a live run; `send` relays inspection messages to every page. */
  onLiveRequest?: (request: { speedMs: number }) => void;
}

/** A running inspector server. */
export interface InspectorServer {
  url: string;
  port: number;
  host: string;
  /** Sends a message to every connected page. */
  broadcast(message: unknown): void;
  /** The WebSocket URL live producers (XState's inspector) connect to. */
  producerUrl: string;
  close(): Promise<void>;
}

/** The largest request URL we read. */
const MAX_URL = 2048;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function csp(origin: string, stately: boolean, styleHashes: string[]): string {
  const ws = origin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${styleHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trim(),
    "img-src 'self' data:",
    `connect-src 'self' ${ws}`,
    stately ? 'frame-src https://stately.ai' : "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...SECURITY_HEADERS,
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function refuse(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) {
  send(res, status, `${status} ${message}\n`, 'text/plain; charset=utf-8', extra);
}

/** Whether an Origin header names this server (or is absent, as for a local program). */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(origin);
}

/** Starts the inspector server and resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<InspectorServer> {
  const host = options.host ?? '127.0.0.1';
  const assets = loadAssets();
  const inspection = Buffer.from(options.inspection);
  const styleHashes = (options.styles ?? []).map((css) => createHash('sha256').update(css).digest('base64'));
  let port = 0;

  const server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 10_000 }, (req, res) => {
    handle(req, res);
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const answer = route(req);
    if ('refuse' in answer) refuse(res, answer.refuse, answer.message, answer.headers);
    else send(res, 200, answer.body, answer.type, answer.headers);
  }

  /** What to answer a request: a refusal, or a body. */
  function route(
    req: IncomingMessage,
  ):
    | { refuse: number; message: string; headers?: Record<string, string> }
    | { body: Buffer; type: string; headers: Record<string, string> } {
    const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return { refuse: 405, message: 'Method Not Allowed', headers: { Allow: 'GET, HEAD' } };
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > 0 || req.headers['transfer-encoding']) return { refuse: 413, message: 'Payload Too Large' };
    const raw = req.url ?? '/';
    if (raw.length > MAX_URL) return { refuse: 414, message: 'URI Too Long' };
    let path: string;
    try {
      path = decodeURIComponent(raw.split('?')[0] ?? '/');
    } catch {
      return { refuse: 400, message: 'Bad Request' };
    }
    if (path.includes('..') || path.includes('\\') || path.includes('\0') || path.includes('//')) {
      return { refuse: 400, message: 'Bad Request' };
    }
    if (path === '/api/inspection') {
      return { body: inspection, type: 'application/json; charset=utf-8', headers: { 'Cache-Control': 'no-store' } };
    }
    const asset: Asset | undefined = assets.get(path === '/' ? '/index.html' : path);
    if (!asset) return { refuse: 404, message: 'Not Found' };
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
    if (asset.type.startsWith('text/html'))
      headers['Content-Security-Policy'] = csp(origin, path === '/stately.html', styleHashes);
    return { body: asset.body, type: asset.type, headers };
  }

  const pages = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const producers = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  const pageSockets = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    if (!originAllowed(req.headers.origin, port)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (path === '/ws') {
      pages.handleUpgrade(req, socket, head, (ws) => pages.emit('connection', ws, req));
    } else if (path === '/ws/inspect' && req.headers.origin === undefined) {
      producers.handleUpgrade(req, socket, head, (ws) => producers.emit('connection', ws, req));
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });

  const broadcast = (message: unknown): void => {
    const text = JSON.stringify(message);
    for (const ws of pageSockets) if (ws.readyState === ws.OPEN) ws.send(text);
  };

  pages.on('connection', (ws: WebSocket) => {
    pageSockets.add(ws);
    ws.on('close', () => pageSockets.delete(ws));
    ws.on('message', (data) => {
      let message: { type?: unknown; speedMs?: unknown };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        return;
      }
      if (message.type === 'live.start') {
        const speed = typeof message.speedMs === 'number' ? Math.min(5000, Math.max(0, message.speedMs)) : 400;
        options.onLiveRequest?.({ speedMs: speed });
      }
    });
  });

  producers.on('connection', (ws: WebSocket) => {
    ws.on('message', (data) => {
      let event: unknown;
      try {
        event = JSON.parse(String(data));
      } catch {
        return;
      }
      broadcast({ type: 'inspection', event });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    host,
    broadcast,
    producerUrl: `ws://${shown}:${port}/ws/inspect`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of pageSockets) ws.terminate();
        pages.close();
        producers.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
