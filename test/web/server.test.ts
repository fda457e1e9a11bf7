import { request } from 'node:http';
import { connect as tcp } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  hostAllowed,
  type InspectorServer,
  originAllowed,
  ownHosts,
  RELAY_MESSAGE_LIMIT,
  startServer,
} from '../../src/web/server.js';
import { rawExchange, statusOf } from './wire.js';

/** A raw HTTP request, so tests can send what a browser never would. */
function raw(
  server: InspectorServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** Opens a WebSocket with an Origin (and other headers); resolves with how the handshake ended. */
function connect(
  url: string,
  origin?: string,
  headers: Record<string, string> = {},
): Promise<{ opened: boolean; status?: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { ...(origin ? { origin } : {}), headers });
    ws.on('open', () => resolve({ opened: true, socket: ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ opened: false }));
  });
}

describe('the inspector server', () => {
  let server: InspectorServer;
  const lives: number[] = [];

  beforeAll(async () => {
    server = await startServer({
      inspection: JSON.stringify({ hello: 'world' }),
      onLiveRequest: ({ speedMs }) => lives.push(speedMs),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 only, by default', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves its page with a strict Content-Security-Policy, and the inspection it was started with', async () => {
    const page = await raw(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/js/main.js">');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const api = await raw(server, '/api/inspection');
    expect(JSON.parse(api.body)).toEqual({ hello: 'world' });
    expect((await raw(server, '/js/main.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['/../package.json', 400],
    ['/js/../../package.json', 400],
    ['/%2e%2e/package.json', 400],
    ['/js/%2e%2e%2f%2e%2e%2fpackage.json', 400],
    ['/..%5c..%5cpackage.json', 400],
    ['/%00', 400],
    ['/%E0%A4%A', 400],
    ['/js/', 404],
    ['/package.json', 404],
    ['/src/web/server.ts', 404],
    ['/scenarios/historical/2023-pay-restoration.yaml', 404],
    ['/nope', 404],
  ])('GET %s → %i (no traversal, no directory listing)', async (path, status) => {
    const res = await raw(server, path);
    expect(res.status).toBe(status);
    expect(res.body).not.toContain('"name": "dispute-sim"');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s → 405 with Allow: GET, HEAD', async (method) => {
    const res = await raw(server, '/', { method });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('a GET with a body → 413; an over-long URL → 414; oversized headers → 431', async () => {
    expect((await raw(server, '/', { headers: { 'Content-Length': '5' }, body: 'hello' })).status).toBe(413);
    expect((await raw(server, `/${'a'.repeat(3000)}`)).status).toBe(414);
    expect((await raw(server, '/', { headers: { 'X-Big': 'b'.repeat(20_000) } })).status).toBe(431);
  });

  it('refuses WebSocket connections from other origins (403) and accepts its own', async () => {
    const evil = await connect(`ws://127.0.0.1:${server.port}/ws`, 'http://evil.example');
    expect(evil).toEqual({ opened: false, status: 403 });
    const sneaky = await connect(`ws://127.0.0.1:${server.port}/ws/inspect`, `http://localhost:${server.port}`);
    expect(sneaky.opened).toBe(false);
    const own = await connect(`ws://127.0.0.1:${server.port}/ws`, `http://127.0.0.1:${server.port}`);
    expect(own.opened).toBe(true);
    own.socket?.close();
    expect((await connect(`ws://127.0.0.1:${server.port}/elsewhere`)).status).toBe(404);
  });

  it('relays a producer’s inspection events to every page, and passes on live requests', async () => {
    const page = await connect(`ws://127.0.0.1:${server.port}/ws`, `http://127.0.0.1:${server.port}`);
    const received = new Promise<unknown>((resolve) =>
      page.socket?.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    const producer = await connect(server.producerUrl);
    expect(producer.opened).toBe(true);
    const event = { type: '@xstate.snapshot', sessionId: 'x:0', snapshot: { value: 'grievance' } };
    producer.socket?.send(JSON.stringify(event));
    expect(await received).toEqual({ type: 'inspection', event });
    page.socket?.send(JSON.stringify({ type: 'live.start', speedMs: 99 }));
    await new Promise((r) => setTimeout(r, 100));
    expect(lives).toEqual([99]);
    page.socket?.close();
    producer.socket?.close();
  });

  it.each([
    ['evil.example', 421],
    ['evil.example:PORT', 421],
    ['127.0.0.1:1', 421],
    ['localhost.evil.example:PORT', 421],
    ['127.0.0.1', 421],
    ['127.0.0.1:PORT', 200],
    ['localhost:PORT', 200],
    ['LOCALHOST:PORT', 200],
    ['[::1]:PORT', 200],
  ])('GET / with Host: %s → %i (no DNS rebinding)', async (host, status) => {
    const res = await raw(server, '/api/inspection', { headers: { Host: host.replace('PORT', String(server.port)) } });
    expect(res.status).toBe(status);
    if (status !== 200) expect(res.body).not.toContain('hello');
  });

  it('a request without a Host is refused', async () => {
    const old = await rawExchange(server.port, 'GET /api/inspection HTTP/1.0\r\n\r\n');
    expect(statusOf(old)).toBe(421);
    expect(old).not.toContain('hello');
    const modern = await rawExchange(server.port, 'GET /api/inspection HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(statusOf(modern)).toBeGreaterThanOrEqual(400);
    expect(modern).not.toContain('hello');
  });

  it('refuses WebSocket upgrades for another Host with 421, on /ws and /ws/inspect', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    expect(await connect(`ws://127.0.0.1:${server.port}/ws`, origin, { Host: 'evil.example' })).toEqual({
      opened: false,
      status: 421,
    });
    expect(
      await connect(`ws://127.0.0.1:${server.port}/ws`, `http://evil.example:${server.port}`, {
        Host: `evil.example:${server.port}`,
      }),
    ).toEqual({ opened: false, status: 421 });
    expect(await connect(server.producerUrl, undefined, { Host: 'evil.example' })).toEqual({
      opened: false,
      status: 421,
    });
    const upgrade = (host: string) =>
      rawExchange(
        server.port,
        `GET /ws HTTP/1.1\r\n${host}Upgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
    expect(statusOf(await upgrade('Host: evil.example\r\n'))).toBe(421);
    expect(statusOf(await upgrade(''))).toBeGreaterThanOrEqual(400);
  });

  it('refuses live-run connections without the server’s token (401) or with a wrong one (403); nothing reaches a page', async () => {
    const page = await connect(`ws://127.0.0.1:${server.port}/ws`, `http://127.0.0.1:${server.port}`);
    const seen: unknown[] = [];
    page.socket?.on('message', (data) => seen.push(JSON.parse(String(data))));
    const base = `ws://127.0.0.1:${server.port}/ws/inspect`;
    const token = new URL(server.producerUrl).searchParams.get('token') ?? '';
    const attempts: [string, number][] = [
      [base, 401],
      [`${base}?token=`, 401],
      [`${base}?token=wrong`, 403],
      [`${base}?token=${'A'.repeat(token.length)}`, 403],
      [`${base}?token=${token}x`, 403],
      [`${base}?token=${token.slice(0, -1)}`, 403],
    ];
    const event = { type: '@xstate.snapshot', sessionId: 'x:0', snapshot: { value: 'forged' } };
    for (const [url, status] of attempts) {
      const attempt = await connect(url);
      attempt.socket?.send(JSON.stringify(event));
      attempt.socket?.close();
      expect({ url, opened: attempt.opened, status: attempt.status }).toEqual({ url, opened: false, status });
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([]);
    expect(token.length).toBeGreaterThanOrEqual(32);
    page.socket?.close();
  });

  it('relays only inspection events of the inspector’s shape; drops the rest without closing the live run', async () => {
    const page = await connect(`ws://127.0.0.1:${server.port}/ws`, `http://127.0.0.1:${server.port}`);
    const seen: unknown[] = [];
    page.socket?.on('message', (data) => seen.push(JSON.parse(String(data))));
    const producer = await connect(server.producerUrl);
    for (const text of [
      'null',
      '[]',
      '42',
      '"@xstate.snapshot"',
      'not json',
      '{"type":"live.ended"}',
      '{"type":"inspection","event":{}}',
      '{"type":"@xstate.snapshot"}',
      '{"type":"@xstate.snapshot","sessionId":5}',
      '[{"type":"@xstate.snapshot","sessionId":"x:0"}]',
    ]) {
      producer.socket?.send(text);
    }
    producer.socket?.send(Buffer.from('{"type":"@xstate.event","sessionId":"x:0"}'), { binary: true });
    const good = { type: '@xstate.event', sessionId: 'x:0', event: { type: 'ballot.opened' } };
    producer.socket?.send(JSON.stringify(good));
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([{ type: 'inspection', event: good }]);
    expect(producer.socket?.readyState).toBe(WebSocket.OPEN);
    producer.socket?.close();
    page.socket?.close();
  });

  it('a live-run message over the relay limit closes that socket (1009) and reaches no page', async () => {
    const page = await connect(`ws://127.0.0.1:${server.port}/ws`, `http://127.0.0.1:${server.port}`);
    const seen: unknown[] = [];
    page.socket?.on('message', (data) => seen.push(String(data).length));
    const producer = await connect(server.producerUrl);
    const closed = new Promise<number>((resolve) => producer.socket?.once('close', (code) => resolve(code)));
    const padding = 'x'.repeat(RELAY_MESSAGE_LIMIT);
    producer.socket?.send(JSON.stringify({ type: '@xstate.snapshot', sessionId: 'x:0', padding }));
    expect(await closed).toBe(1009);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
    page.socket?.close();
  });

  it('never relays what one page sends to another page', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const sender = await connect(`ws://127.0.0.1:${server.port}/ws`, origin);
    const other = await connect(`ws://127.0.0.1:${server.port}/ws`, origin);
    const seen: unknown[] = [];
    other.socket?.on('message', (data) => seen.push(JSON.parse(String(data))));
    const event = { type: '@xstate.snapshot', sessionId: 'x:0', snapshot: { value: 'forged' } };
    sender.socket?.send(JSON.stringify(event));
    sender.socket?.send(JSON.stringify({ type: 'inspection', event }));
    sender.socket?.send(JSON.stringify({ type: 'live.ended' }));
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([]);
    sender.socket?.close();
    other.socket?.close();
  });

  it('knows its own origins', () => {
    expect(originAllowed(undefined, 80)).toBe(true);
    expect(originAllowed('http://localhost:80', 80)).toBe(true);
    expect(originAllowed('http://localhost:81', 80)).toBe(false);
    expect(originAllowed('null', 80)).toBe(false);
    expect(originAllowed('http://[::1]:8080', 8080)).toBe(true);
    expect(originAllowed('https://localhost:8080', 8080)).toBe(false);
    expect(originAllowed('http://localhost.evil.example:8080', 8080)).toBe(false);
    expect(originAllowed('http://192.168.1.5:8080', 8080)).toBe(false);
    expect(originAllowed('http://192.168.1.5:8080', 8080, '192.168.1.5')).toBe(true);
  });

  it('knows its own Host names: loopback, and the --host it was given, with its port', () => {
    const hosts = ownHosts('192.168.1.5', 8080);
    for (const h of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', '192.168.1.5:8080', 'LocalHost:8080'])
      expect(hostAllowed(h, hosts)).toBe(true);
    for (const h of [undefined, '', 'localhost', '192.168.1.5', '192.168.1.5:80', 'evil.example:8080'])
      expect(hostAllowed(h, hosts)).toBe(false);
    expect(hostAllowed('[::1]:8080', ownHosts('::1', 8080))).toBe(true);
    expect(hostAllowed('my-laptop.local:8080', ownHosts('my-laptop.local', 8080))).toBe(true);
  });
});

describe('the inspector server’s idle connections', () => {
  let server: InspectorServer;

  beforeAll(async () => {
    server = await startServer({ inspection: JSON.stringify({ hello: 'world' }), idleTimeoutMs: 200 });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Resolves with how long a connection that sends `text` (maybe nothing) stays open, or -1 if it outlives 2 s. */
  function lifetime(text: string): Promise<number> {
    return new Promise((resolve) => {
      const started = Date.now();
      const socket = tcp(server.port, '127.0.0.1');
      socket.on('error', () => {});
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(-1);
      }, 2000);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(Date.now() - started);
      });
      if (text) socket.write(text);
    });
  }

  it('closes a TCP connection that never sends a byte after the idle timeout', async () => {
    const ms = await lifetime('');
    expect(ms).toBeGreaterThanOrEqual(150);
    expect(ms).toBeLessThan(1500);
  });

  it('closes a connection that stops half-way through its request line', async () => {
    const ms = await lifetime('GET /api/insp');
    expect(ms).toBeGreaterThanOrEqual(150);
    expect(ms).toBeLessThan(1500);
  });

  it('still answers requests, and leaves an open page WebSocket alone however quiet it is', async () => {
    expect((await raw(server, '/api/inspection')).status).toBe(200);
    const page = await connect(`ws://127.0.0.1:${server.port}/ws`, `http://127.0.0.1:${server.port}`);
    await new Promise((r) => setTimeout(r, 600));
    expect(page.socket?.readyState).toBe(WebSocket.OPEN);
    const received = new Promise<unknown>((resolve) =>
      page.socket?.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    const producer = await connect(server.producerUrl);
    await new Promise((r) => setTimeout(r, 600));
    expect(producer.socket?.readyState).toBe(WebSocket.OPEN);
    const event = { type: '@xstate.event', sessionId: 'x:0', event: { type: 'ballot.opened' } };
    producer.socket?.send(JSON.stringify(event));
    expect(await received).toEqual({ type: 'inspection', event });
    page.socket?.close();
    producer.socket?.close();
  });
});
