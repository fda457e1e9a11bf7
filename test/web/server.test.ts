import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type InspectorServer, originAllowed, startServer } from '../../src/web/server.js';

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

/** Opens a WebSocket with an Origin; resolves with how the handshake ended. */
function connect(url: string, origin?: string): Promise<{ opened: boolean; status?: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
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
    producer.socket?.send(JSON.stringify({ type: '@xstate.snapshot', snapshot: { value: 'grievance' } }));
    expect(await received).toEqual({
      type: 'inspection',
      event: { type: '@xstate.snapshot', snapshot: { value: 'grievance' } },
    });
    page.socket?.send(JSON.stringify({ type: 'live.start', speedMs: 99 }));
    await new Promise((r) => setTimeout(r, 100));
    expect(lives).toEqual([99]);
    page.socket?.close();
    producer.socket?.close();
  });

  it('knows its own origins', () => {
    expect(originAllowed(undefined, 80)).toBe(true);
    expect(originAllowed('http://localhost:80', 80)).toBe(true);
    expect(originAllowed('http://localhost:81', 80)).toBe(false);
    expect(originAllowed('null', 80)).toBe(false);
  });
});
