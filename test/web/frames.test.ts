import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PAGE_MESSAGE_LIMIT, RELAY_MESSAGE_LIMIT } from '../../src/web/server.js';
import { closeCodeAfter, type FrameSpec, frame, rawUpgrade } from './wire.js';

// The server runs in its own process (the build made by test/global-setup.ts), as under `dispute-sim inspect`:
// an unhandled socket error would end that process, which is exactly what these tests must see not happen.
const SERVE = `
const { startServer } = await import(new URL('dist/web/server.js', 'file://' + process.cwd() + '/').href);
const server = await startServer({ inspection: JSON.stringify({ hello: 'world' }) });
process.stdout.write(JSON.stringify({ port: server.port, producerUrl: server.producerUrl }) + '\\n');
`;

/** The server process of the current test. */
interface Served {
  child: ChildProcess;
  /** How the process ended, if it did. */
  exited?: string;
}
let served: Served;
let port = 0;
let producerUrl = '';

// A fresh server for each test, so each bad frame proves on its own that it does not end the server.
beforeEach(async () => {
  const child = spawn(process.execPath, ['--input-type=module', '-e', SERVE], { stdio: ['ignore', 'pipe', 'pipe'] });
  const current: Served = { child };
  served = current;
  child.on('exit', (code, signal) => {
    current.exited = `exited with ${code ?? signal}`;
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const first = await new Promise<string>((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', () => reject(new Error(`the server did not start: ${stderr}`)));
  });
  ({ port, producerUrl } = JSON.parse(first) as { port: number; producerUrl: string });
}, 20_000);

afterEach(() => {
  served.child.kill();
});

/** Opens a WebSocket client; rejects if the handshake fails. */
function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The server still answers HTTP and still relays a live run's event to a page that connects now. */
async function stillServing(): Promise<void> {
  expect(served.exited).toBeUndefined();
  const res = await fetch(`http://127.0.0.1:${port}/api/inspection`);
  expect(await res.json()).toEqual({ hello: 'world' });
  const page = await open(`ws://127.0.0.1:${port}/ws`);
  const received = new Promise<unknown>((resolve) => page.once('message', (data) => resolve(JSON.parse(String(data)))));
  const producer = await open(producerUrl);
  const event = { type: '@xstate.event', sessionId: 'x:0', event: { type: 'ballot.opened' } };
  producer.send(JSON.stringify(event));
  expect(await received).toEqual({ type: 'inspection', event });
  page.close();
  producer.close();
}

const endpoints: [string, () => string, number][] = [
  ['/ws (pages)', () => '/ws', PAGE_MESSAGE_LIMIT],
  ['/ws/inspect (live runs)', () => new URL(producerUrl).pathname + new URL(producerUrl).search, RELAY_MESSAGE_LIMIT],
];

const TEXT = 0x1;
const bad: [string, number, (limit: number) => FrameSpec][] = [
  ['an unmasked client frame', 1002, () => ({ opcode: TEXT, payload: Buffer.from('{}'), unmasked: true })],
  ['RSV1 set (no extension agreed)', 1002, () => ({ opcode: TEXT, payload: Buffer.from('{}'), rsv: 4 })],
  ['RSV2 set', 1002, () => ({ opcode: TEXT, payload: Buffer.from('{}'), rsv: 2 })],
  ['RSV3 set', 1002, () => ({ opcode: TEXT, payload: Buffer.from('{}'), rsv: 1 })],
  ['the reserved data opcode 0x3', 1002, () => ({ opcode: 0x3, payload: Buffer.from('{}') })],
  ['the reserved control opcode 0xB', 1002, () => ({ opcode: 0xb })],
  ['a fragmented ping', 1002, () => ({ opcode: 0x9, fragment: true })],
  ['invalid UTF-8 in a text frame', 1007, () => ({ opcode: TEXT, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) })],
  ['a message over the size limit', 1009, (limit) => ({ opcode: TEXT, declaredLength: limit + 1 })],
];

describe.each(endpoints)('a bad frame on %s closes only its own socket', (_name, path, limit) => {
  it.each(bad)('%s → close %i; the server keeps serving', async (_kind, code, spec) => {
    const socket = await rawUpgrade(port, path());
    expect(await closeCodeAfter(socket, frame(spec(limit)))).toBe(code);
    await stillServing();
  });
});

describe('messages that are not what the server expects', () => {
  it('a page sending more than the page limit with a real client is closed with 1009; the server keeps serving', async () => {
    const page = await open(`ws://127.0.0.1:${port}/ws`);
    const closed = new Promise<number>((resolve) => page.once('close', (code) => resolve(code)));
    page.send('x'.repeat(PAGE_MESSAGE_LIMIT + 1));
    expect(await closed).toBe(1009);
    await stillServing();
  });

  it.each(['null', '42', '"live.start"', '[]', '{"type":', '{"type":"live.start","speedMs":"fast"}'])(
    'a page sending %s is ignored; the server keeps serving',
    async (text) => {
      const page = await open(`ws://127.0.0.1:${port}/ws`);
      page.send(text);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await stillServing();
      page.close();
    },
  );

  it('a client that resets its connection after the handshake does not stop the server', async () => {
    const socket = await rawUpgrade(port, '/ws');
    socket.resetAndDestroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await stillServing();
  });

  it.each([
    ['from another origin', '/ws', 'Origin: http://evil.example\r\n'],
    ['to an unknown path', '/elsewhere', ''],
  ])('a client that resets an upgrade refused as %s does not stop the server', async (_why, path, extra) => {
    for (let i = 0; i < 20; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${Buffer.alloc(16, i).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`,
      );
      socket.resetAndDestroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stillServing();
  });
});
