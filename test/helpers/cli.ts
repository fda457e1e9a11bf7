/** Runs the CLI in-process with captured output, as a test would a user. */
import { main } from '../../src/cli/main.js';
import { PLAIN } from '../../src/render/palette.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `dispute-sim` with argv, without colours. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
    palette: PLAIN,
  });
  return { code, stdout, stderr };
}
