/**
 * The inspector's local server: serves its own page and assets, the one inspection it was started with, and a
 * WebSocket relay for live runs. Loopback by default; answers only for its own Host; refuses what it does not
 * serve; relays only its own live runs; a bad frame or a silent connection costs only that connection.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
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
  /** How long a connection may stay silent (before its first request, or between bytes) before it is closed. */
  idleTimeoutMs?: number;
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
  /** The WebSocket URL this server's own live runs (XState's inspector) connect to; it carries a secret token. */
  producerUrl: string;
  /** Resolves when a live run next relays an inspection event (so its connection is open). */
  nextRelay(): Promise<void>;
  close(): Promise<void>;
}

/** The largest request URL we read. */
const MAX_URL = 2048;
/** The largest message a page may send; pages send only `{ type: 'live.start', speedMs }`. */
export const PAGE_MESSAGE_LIMIT = 64 * 1024;
/** The largest inspection event a live run may relay; the largest it sends (the chart's definition) is ~13 KB. */
export const RELAY_MESSAGE_LIMIT = 1024 * 1024;
/** How long a silent connection stays open, unless told otherwise. */
const IDLE_TIMEOUT_MS = 5_000;
/** The inspection events `@statelyai/inspect` sends; the relay passes on nothing else. */
const INSPECTION_TYPES = new Set(['@xstate.actor', '@xstate.event', '@xstate.snapshot']);
/** The answers Node itself would give to a request it cannot parse. */
const CLIENT_ERRORS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

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

/** An address as it appears in a URL or a Host header: IPv6 in brackets. */
const bracketed = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * The Host values that name this server: its loopback names and the address it listens on, with its port (and,
 * when it listens on every address, each of this machine's). Any other name reached it by DNS rebinding.
 */
export function ownHosts(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', bracketed(host.toLowerCase())]);
  if (host === '0.0.0.0' || host === '::') {
    for (const addresses of Object.values(networkInterfaces()))
      for (const a of addresses ?? []) if (!a.address.includes('%')) names.add(bracketed(a.address.toLowerCase()));
  }
  const out = new Set<string>();
  for (const name of names) {
    out.add(`${name}:${port}`);
    if (port === 80) out.add(name);
  }
  return out;
}

/** Whether a Host header names this server; a request without one is refused. */
export function hostAllowed(header: string | undefined, hosts: Set<string>): boolean {
  return header !== undefined && hosts.has(header.toLowerCase());
}

/** Whether an Origin header names one of these hosts (or is absent, as for a local program). */
function originIn(origin: string | undefined, hosts: Set<string>): boolean {
  if (origin === undefined) return true;
  return origin.toLowerCase().startsWith('http://') && hostAllowed(origin.slice('http://'.length), hosts);
}

/** Whether an Origin header names this server (or is absent, as for a local program). */
export function originAllowed(origin: string | undefined, port: number, host = '127.0.0.1'): boolean {
  return originIn(origin, ownHosts(host, port));
}

/** Whether a live run's token is the server's own, compared in constant time. */
function tokenMatches(given: string | null, token: Buffer): boolean {
  if (!given) return false;
  const bytes = Buffer.from(given);
  return bytes.length === token.length && timingSafeEqual(bytes, token);
}

/** A message's JSON, when it is an object (not an array); anything else is dropped. */
function parseObject(data: RawData, isBinary: boolean): Record<string, unknown> | undefined {
  if (isBinary) return undefined;
  try {
    const value: unknown = JSON.parse(String(data));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Answers an upgrade that will not happen and hangs up once the answer is out. */
function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

/** Starts the inspector server and resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<InspectorServer> {
  const host = options.host ?? '127.0.0.1';
  const assets = loadAssets();
  const inspection = Buffer.from(options.inspection);
  const styleHashes = (options.styles ?? []).map((css) => createHash('sha256').update(css).digest('base64'));
  // Only this server's own live runs learn the token: it is in producerUrl, which never reaches a page.
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let port = 0;
  let hosts = new Set<string>();

  const server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 10_000 }, (req, res) => {
    handle(req, res);
  });
  // Node times out slow requests but not a connection that never sends one: close any that stays silent.
  server.timeout = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (socket.writable && error.code !== 'ECONNRESET') {
      socket.write(`HTTP/1.1 ${CLIENT_ERRORS[error.code ?? ''] ?? '400 Bad Request'}\r\nConnection: close\r\n\r\n`);
    }
    socket.destroy();
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
    const origin = `http://${bracketed(host)}:${port}`;
    if (!hostAllowed(req.headers.host, hosts)) return { refuse: 421, message: 'Misdirected Request' };
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

  const pages = new WebSocketServer({ noServer: true, maxPayload: PAGE_MESSAGE_LIMIT });
  const producers = new WebSocketServer({ noServer: true, maxPayload: RELAY_MESSAGE_LIMIT });
  const pageSockets = new Set<WebSocket>();
  const producerSockets = new Set<WebSocket>();
  const relayWaiters: (() => void)[] = [];

  /** Which relay an upgrade joins, or why it is refused (a status line). */
  function upgradeTo(req: IncomingMessage): { wss: WebSocketServer } | { refuse: string } {
    if (!hostAllowed(req.headers.host, hosts)) return { refuse: '421 Misdirected Request' };
    if (!originIn(req.headers.origin, hosts)) return { refuse: '403 Forbidden' };
    const url = new URL(req.url ?? '/', 'http://server');
    if (url.pathname === '/ws') return { wss: pages };
    if (url.pathname !== '/ws/inspect') return { refuse: '404 Not Found' };
    // Live runs are this process's own programs: no browser page (which always sends an Origin), and the token.
    if (req.headers.origin !== undefined) return { refuse: '403 Forbidden' };
    const given = url.searchParams.get('token');
    if (!given) return { refuse: '401 Unauthorized' };
    return tokenMatches(given, tokenBytes) ? { wss: producers } : { refuse: '403 Forbidden' };
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the socket over without its error handler: a reset here must not end the process.
    socket.on('error', () => socket.destroy());
    const to = upgradeTo(req);
    if ('refuse' in to) return refuseUpgrade(socket, to.refuse);
    to.wss.handleUpgrade(req, socket, head, (ws) => to.wss.emit('connection', ws, req));
  });

  const broadcast = (message: unknown): void => {
    const text = JSON.stringify(message);
    for (const ws of pageSockets) if (ws.readyState === ws.OPEN) ws.send(text);
  };

  // A bad frame (unmasked, reserved bits, unknown opcode, invalid UTF-8, too big) makes ws close that socket
  // with 1002, 1007 or 1009 and then emit 'error'; handled, it costs only that socket.
  pages.on('connection', (ws: WebSocket) => {
    pageSockets.add(ws);
    ws.on('error', () => {});
    ws.on('close', () => pageSockets.delete(ws));
    // What a page sends is a request to this server, never relayed to other pages.
    ws.on('message', (data, isBinary) => {
      const message = parseObject(data, isBinary);
      if (message?.type === 'live.start') {
        const speed = typeof message.speedMs === 'number' ? Math.min(5000, Math.max(0, message.speedMs)) : 400;
        options.onLiveRequest?.({ speedMs: speed });
      }
    });
  });

  producers.on('connection', (ws: WebSocket) => {
    producerSockets.add(ws);
    ws.on('error', () => {});
    ws.on('close', () => producerSockets.delete(ws));
    ws.on('message', (data, isBinary) => {
      const event = parseObject(data, isBinary);
      if (event && INSPECTION_TYPES.has(String(event.type)) && typeof event.sessionId === 'string') {
        broadcast({ type: 'inspection', event });
        for (const resolve of relayWaiters.splice(0)) resolve();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  hosts = ownHosts(host, port);
  const shown = bracketed(host);
  return {
    url: `http://${shown}:${port}/`,
    port,
    host,
    broadcast,
    producerUrl: `ws://${shown}:${port}/ws/inspect?token=${token}`,
    nextRelay: () => new Promise<void>((resolve) => relayWaiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of [...pageSockets, ...producerSockets]) ws.terminate();
        pages.close();
        producers.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
