import { afterEach, describe, expect, it } from 'vitest';
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

  it('a bad port is a usage error; a missing scenario an input error', async () => {
    expect((await cli('inspect', 'example', '--port', 'eighty')).code).toBe(2);
    expect((await cli('inspect', 'nope')).code).toBe(1);
    expect((await cli('inspect')).code).toBe(2);
  });
});
