/**
 * Live runs: the replay runs again through `@statelyai/inspect`'s WebSocket inspector, pointed at our own
 * server (its producer URL carries the server's token), which relays every inspection event to the page — the
 * same path a live app would take, offline.
 */
import { createWebSocketInspector } from '@statelyai/inspect';
import { parseInstant } from '../domain/time.js';
import type { Scenario } from '../schemas/scenario.js';
import { Replayer } from '../simulation/replay.js';
import type { InspectorServer } from './server.js';

/** Waits `ms`, or less if the run is called off meanwhile. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs a scenario live, one event every `speedMs`, reporting start and end to the pages. When `signal` aborts
 * (the server is shutting down), the run stops at once and closes its connection.
 */
export async function runLive(
  scenario: Scenario,
  server: InspectorServer,
  speedMs: number,
  signal?: AbortSignal,
): Promise<void> {
  server.broadcast({ type: 'live.started', speedMs });
  // The replayer's first inspection event reaches the server once the inspector's socket is open.
  const connected = server.nextRelay();
  const inspector = createWebSocketInspector({ url: server.producerUrl, maxDeferredEvents: 10_000 });
  const replayer = new Replayer(scenario, scenario.period.from, { inspect: inspector.inspect });
  try {
    for (const event of scenario.events) {
      if (signal?.aborted) break;
      replayer.offer(event);
      await sleep(speedMs, signal);
    }
    if (!signal?.aborted && replayer.snapshot.status === 'active') replayer.advanceTo(parseInstant(scenario.period.to));
    // Inspection events are converted and sent asynchronously; let the last ones reach the pages.
    await sleep(Math.max(300, speedMs), signal);
  } finally {
    replayer.stop();
    // @statelyai/inspect 0.7.2 reconnects every 5 s, forever, after a socket error, even once stopped, and
    // closing a socket that is still connecting is such an error: stop only once connected (or given up on).
    const givenUp = new AbortController();
    await Promise.race([connected, sleep(2000, givenUp.signal)]);
    givenUp.abort();
    await sleep(100, signal);
    inspector.stop();
    server.broadcast({ type: 'live.ended' });
  }
}
