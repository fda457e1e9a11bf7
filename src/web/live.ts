/**
 * Live runs: the replay runs again through `@statelyai/inspect`'s WebSocket inspector, pointed at our own
 * server, which relays every inspection event to the page — the same path a live app would take, offline.
 */
import { createWebSocketInspector } from '@statelyai/inspect';
import { parseInstant } from '../domain/time.js';
import type { Scenario } from '../schemas/scenario.js';
import { Replayer } from '../simulation/replay.js';
import type { InspectorServer } from './server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a scenario live, one event every `speedMs`, reporting start and end to the pages. */
export async function runLive(scenario: Scenario, server: InspectorServer, speedMs: number): Promise<void> {
  server.broadcast({ type: 'live.started', speedMs });
  const inspector = createWebSocketInspector({ url: server.producerUrl, maxDeferredEvents: 10_000 });
  const replayer = new Replayer(scenario, scenario.period.from, { inspect: inspector.inspect });
  try {
    for (const event of scenario.events) {
      replayer.offer(event);
      await sleep(speedMs);
    }
    if (replayer.snapshot.status === 'active') replayer.advanceTo(parseInstant(scenario.period.to));
    // Inspection events are converted and sent asynchronously; let the last ones reach the pages.
    await sleep(Math.max(300, speedMs));
  } finally {
    replayer.stop();
    await sleep(100);
    inspector.stop();
    server.broadcast({ type: 'live.ended' });
  }
}
