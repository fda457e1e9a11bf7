import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The binary is built by test/global-setup.ts.

const BIN = 'bin/dispute-sim.js';

/** Runs the built binary as a user would. */
function spawn(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the built dispute-sim binary (real spawns)', () => {
  it('list exits 0 and prints the shipped scenarios', () => {
    const r = spawn('list');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('example-porters');
  });

  it('replay --strict exits 1 on a refused event, with no colour under NO_COLOR', () => {
    const r = spawn('replay', 'test/fixtures/valid/refused.yaml', '--strict');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toContain('refused');
  });

  it('validate of a malformed file exits 1 without a stack trace', () => {
    const r = spawn('validate', 'test/fixtures/invalid/yaml-syntax.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^test\/fixtures\/invalid\/yaml-syntax.yaml:9:3 {2}\(file\) {2}YAML: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a usage error exits 2', () => {
    expect(spawn('replay').code).toBe(2);
  });
});
