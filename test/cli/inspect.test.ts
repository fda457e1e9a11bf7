import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openInspectors } from '../../src/cli/commands/inspect.js';
import { cli } from '../helpers/cli.js';

afterEach(async () => {
  for (const server of openInspectors) await server.close();
  openInspectors.clear();
});

describe('dispute-sim inspect', () => {
  it('starts on 127.0.0.1, prints its address, and serves the scenario it was started with', async () => {
    const r = await cli('inspect', 'example');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(r.stdout)?.[0];
    expect(url).toBeDefined();
    const data = (await (await fetch(`${url}api/inspection`)).json()) as { scenario: { id: string }; steps: unknown[] };
    expect(data.scenario.id).toBe('example-porters');
    expect(data.steps.length).toBeGreaterThan(10);
  });

  it('--class prints the classroom page’s address, with the decision points for Play to stop at', async () => {
    const r = await cli('inspect', '2023', '--class');
    expect(r.code).toBe(0);
    const url = /http:\/\/\S+\?mode=class/.exec(r.stdout)?.[0];
    expect(r.stdout).toContain('(classroom mode)');
    expect(url).toBeDefined();
    const data = (await (await fetch(new URL('/api/inspection', url))).json()) as {
      decisionPoints: { index: number; note: string }[];
    };
    expect(data.decisionPoints.length).toBeGreaterThan(3);
    expect(data.decisionPoints[0]).toMatchObject({ note: expect.any(String) });
  });

  it('--stately serves the bridge to Stately’s hosted inspector, framed only from stately.ai', async () => {
    const r = await cli('inspect', 'example', '--stately');
    const bridge = /http:\/\/127\.0\.0\.1:\d+\/stately\.html/.exec(r.stdout)?.[0] ?? '';
    expect(r.stdout).toContain('needs internet');
    const res = await fetch(bridge);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('frame-src https://stately.ai');
    expect(await res.text()).toContain('src="https://stately.ai/inspect"');
  });

  it('warns when told to listen beyond this machine', async () => {
    const r = await cli('inspect', 'example', '--host', '0.0.0.0');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: listening on 0\.0\.0\.0, not only on this machine/);
  });

  it('listens for Ctrl-C and SIGTERM while it runs, and stops listening once closed', async () => {
    const before = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
    await cli('inspect', 'example');
    expect(process.listenerCount('SIGINT')).toBe(before.SIGINT + 1);
    expect(process.listenerCount('SIGTERM')).toBe(before.SIGTERM + 1);
    for (const server of openInspectors) await server.close();
    expect(openInspectors.size).toBe(0);
    expect({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') }).toEqual(before);
  });

  it('a bad port is a usage error; a missing scenario an input error', async () => {
    expect((await cli('inspect', 'example', '--port', 'eighty')).code).toBe(2);
    expect((await cli('inspect', 'nope')).code).toBe(1);
    expect((await cli('inspect')).code).toBe(2);
  });
});

// The binary is built by test/global-setup.ts.

/** Starts `dispute-sim inspect 2023 --port 0` as a user would; resolves once it printed its address. */
async function startInspector(): Promise<{ child: ChildProcess; url: URL; exit: Promise<unknown> }> {
  const child = spawn(process.execPath, ['bin/dispute-sim.js', 'inspect', '2023', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise<URL>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const address = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0];
      if (address && stdout.includes('Press Ctrl-C')) resolve(new URL(address));
    });
    child.once('exit', () => reject(new Error(`inspect ended before it listened: ${stderr}`)));
  });
  return { child, url, exit };
}

/** Opens a page's WebSocket to the inspector. */
function openPage(url: URL): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${url.host}/ws`, { origin: url.origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Whether nothing listens on the port any more. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('dispute-sim inspect as a process (real spawns)', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s closes the server and its connections, and exits 0',
    async (signal) => {
      const { child, url, exit } = await startInspector();
      children.push(child);
      const page = await openPage(url);
      const pageClosed = new Promise((resolve) => page.once('close', resolve));
      child.kill(signal);
      expect(await exit).toEqual({ code: 0, signal: null });
      await pageClosed;
      expect(await refused(Number(url.port))).toBe(true);
    },
    30_000,
  );

  it('SIGINT in the middle of a live run calls the run off and exits 0 at once', async () => {
    const { child, url, exit } = await startInspector();
    children.push(child);
    const page = await openPage(url);
    // One event every 2 s: the run would take two minutes.
    const running = new Promise<void>((resolve) =>
      page.on('message', (data) => {
        if ((JSON.parse(String(data)) as { type: string }).type === 'inspection') resolve();
      }),
    );
    page.send(JSON.stringify({ type: 'live.start', speedMs: 2000 }));
    await running;
    const started = Date.now();
    child.kill('SIGINT');
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await refused(Number(url.port))).toBe(true);
  }, 30_000);

  it('SIGTERM while a live run’s inspector is still connecting exits 0 too (no reconnecting forever)', async () => {
    const { child, url, exit } = await startInspector();
    children.push(child);
    const page = await openPage(url);
    // live.started goes out before the run's inspector has connected: signal in that window.
    const starting = new Promise<void>((resolve) =>
      page.on('message', (data) => {
        if ((JSON.parse(String(data)) as { type: string }).type === 'live.started') resolve();
      }),
    );
    page.send(JSON.stringify({ type: 'live.start', speedMs: 2000 }));
    await starting;
    child.kill('SIGTERM');
    const outcome = await Promise.race([
      exit,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 8000)),
    ]);
    expect(outcome).toEqual({ code: 0, signal: null });
  }, 30_000);
});

describe('dispute-sim inspect of a counterfactual', () => {
  it('marks the events the branch adds as its own, and the base’s as from the record', async () => {
    const r = await cli('inspect', '2023-5pct');
    const url = /http:\/\/\S+\//.exec(r.stdout)?.[0] ?? '';
    const data = (await (await fetch(`${url}api/inspection`)).json()) as { steps: { id?: string; own?: boolean }[] };
    const own = data.steps.filter((s) => s.own).map((s) => s.id);
    expect(own).toEqual(['offer-5pct-referred', 'offer-5pct-accepted']);
    expect(data.steps.find((s) => s.id === 'offer-5pct-made')?.own).toBeUndefined();
  });
});
