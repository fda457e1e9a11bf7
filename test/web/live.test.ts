import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runLive } from '../../src/web/live.js';
import { type InspectorServer, startServer } from '../../src/web/server.js';
import { scenario } from '../helpers/scenarios.js';

describe('a live run through @statelyai/inspect’s WebSocket inspector (no browser)', () => {
  let server: InspectorServer;
  const porters = scenario('example');

  beforeAll(async () => {
    server = await startServer({
      inspection: '{}',
      onLiveRequest: ({ speedMs }) => void runLive(porters, server, speedMs),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('"live.start" from a page → live.started, the actor, its events and snapshots, live.ended', async () => {
    const page = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { origin: `http://127.0.0.1:${server.port}` });
    const seen: Record<string, number> = {};
    await new Promise<void>((resolve, reject) => {
      page.on('error', reject);
      page.on('open', () => page.send(JSON.stringify({ type: 'live.start', speedMs: 0 })));
      page.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; event?: { type: string } };
        const key = message.type === 'inspection' ? (message.event?.type ?? '?') : message.type;
        seen[key] = (seen[key] ?? 0) + 1;
        if (message.type === 'live.ended') resolve();
      });
    });
    page.close();
    expect(seen['live.started']).toBe(1);
    expect(seen['@xstate.actor']).toBeGreaterThanOrEqual(1);
    expect(seen['@xstate.event']).toBeGreaterThanOrEqual(porters.events.length);
    expect(seen['@xstate.snapshot']).toBeGreaterThanOrEqual(porters.events.length);
  });
});
