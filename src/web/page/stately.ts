/** The bridge to Stately's hosted inspector: relays this server's live inspection events into its iframe. */
import { byId } from './dom.js';
import type { ServerMessage } from './types.js';

const frame = byId<HTMLIFrameElement>('inspector');
const buffer: unknown[] = [];
let connected = false;
window.addEventListener('message', (e) => {
  if (e.origin === 'https://stately.ai' && (e.data as { type?: string })?.type === '@statelyai.connected') {
    connected = true;
    for (const event of buffer.splice(0)) frame.contentWindow?.postMessage(event, 'https://stately.ai');
  }
});
const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws`);
socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'live.start', speedMs: 200 })));
socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as ServerMessage;
  if (data.type !== 'inspection') return;
  if (connected) frame.contentWindow?.postMessage(data.event, 'https://stately.ai');
  else buffer.push(data.event);
});
