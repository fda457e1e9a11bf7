/** Raw TCP helpers for the inspector server's tests: requests and WebSocket frames no well-behaved client sends. */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** Sends raw bytes to a port and resolves with everything the server answered before it closed the connection. */
export function rawExchange(port: number, text: string, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close within ${timeoutMs} ms; got ${JSON.stringify(answer)}`));
    }, timeoutMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.write(text);
  });
}

/** The status code of a raw HTTP answer ('HTTP/1.1 421 …' → 421), or 0 when there was none. */
export function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);
}

/** Opens a raw TCP connection and completes a WebSocket handshake by hand; resolves once the server said 101. */
export function rawUpgrade(port: number, path: string, headers: Record<string, string> = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const lines = [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const status = head.subarray(0, end).toString('latin1').split('\r\n')[0] ?? '';
      if (!status.startsWith('HTTP/1.1 101')) {
        socket.destroy();
        reject(new Error(`handshake refused: ${status}`));
        return;
      }
      // Anything after the handshake (a frame already) goes back to the stream for the caller.
      const rest = head.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      resolve(socket);
    };
    socket.on('data', onData);
    socket.on('error', reject);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

/** How to build one frame: its opcode and payload, and what to get wrong. */
export interface FrameSpec {
  opcode: number;
  payload?: Buffer;
  /** Leave the FIN bit clear (a fragment). */
  fragment?: boolean;
  /** The three reserved bits, RSV1 = 4, RSV2 = 2, RSV3 = 1. */
  rsv?: number;
  /** Send it unmasked, as only a server may. */
  unmasked?: boolean;
  /** Declare this payload length in the header instead of the payload's own (nothing more is sent). */
  declaredLength?: number;
}

/** A client WebSocket frame, well or badly formed as the spec says. */
export function frame(spec: FrameSpec): Buffer {
  const payload = spec.payload ?? Buffer.alloc(0);
  const length = spec.declaredLength ?? payload.length;
  const first = (spec.fragment ? 0 : 0x80) | ((spec.rsv ?? 0) << 4) | spec.opcode;
  const maskBit = spec.unmasked ? 0 : 0x80;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([first, maskBit | length]);
  } else if (length < 65_536) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8(maskBit | 126, 1);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8(maskBit | 127, 1);
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (spec.unmasked) return Buffer.concat([header, spec.declaredLength === undefined ? payload : Buffer.alloc(0)]);
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([header, mask, spec.declaredLength === undefined ? masked : Buffer.alloc(0)]);
}

/** Writes bytes to an open WebSocket and resolves with the close code of the server's close frame, once it hung up. */
export function closeCodeAfter(socket: Socket, bytes: Buffer, timeoutMs = 3000): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server did not close within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      // A close frame from the server: 0x88, an unmasked length, then the code.
      if (received[0] !== 0x88 || received.length < 4) resolve(0);
      else resolve(received.readUInt16BE(2));
    });
    socket.write(bytes);
  });
}
