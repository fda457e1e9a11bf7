/** `dispute-sim inspect`: the local web inspector for one scenario. */
import { execFile } from 'node:child_process';
import { Catalogue } from '../../loader/catalogue.js';
import { AssetsMissingError } from '../../web/assets.js';
import { exportHtml } from '../../web/export.js';
import { buildInspection, inlineStyles } from '../../web/inspection.js';
import { runLive } from '../../web/live.js';
import { type InspectorServer, startServer } from '../../web/server.js';
import { intOption, parse } from '../args.js';
import { type Command, InputError, UsageError } from '../context.js';
import { writeOutputFile } from '../output.js';

/** Servers started by this process, so tests (and Ctrl-C) can close them. */
export const openInspectors = new Set<InspectorServer>();

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * The server as the command hands it out: closing it first calls off a live run in progress, and Ctrl-C or
 * SIGTERM close it. Once it is closed nothing of it is left to keep the process alive, so the process ends with
 * the code the command returned (0); the signal handlers are removed, so a second Ctrl-C acts as usual.
 */
function closedOnSignal(server: InspectorServer, stopLive: () => Promise<void>): InspectorServer {
  let closing: Promise<void> | undefined;
  const onSignal = () => void stoppable.close();
  const stoppable: InspectorServer = {
    ...server,
    close: () => {
      closing ??= (async () => {
        for (const signal of SIGNALS) process.off(signal, onSignal);
        openInspectors.delete(stoppable);
        await stopLive();
        await server.close();
      })();
      return closing;
    },
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return stoppable;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function openInBrowser(url: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  execFile(opener, [url], () => {});
}

/** Starts the inspector. */
export const inspectCommand: Command = {
  name: 'inspect',
  usage:
    'dispute-sim inspect <id|alias|file> [--class] [--port N] [--host HOST] [--open] [--stately] [--export FILE.html [--force]]',
  help:
    'Starts a web inspector on 127.0.0.1 and prints its address. The page shows the statechart with the active\n' +
    'states of each step, a timeline to scrub (slider, buttons, ← → keys, jump to a date), each step’s event,\n' +
    'note and sources, the record at that point, charts of offers against the claim and of days of action, and\n' +
    'the events the machine would accept there (the branches history did not take). "Live run" replays the\n' +
    'scenario through @statelyai/inspect’s WebSocket inspector into the same page. Everything works offline.\n\n' +
    'Options:\n' +
    '  --class        classroom mode: what happens after the current step stays hidden (no outcome, no later\n' +
    '                 steps, marks or chart points) until revealed, and Play stops at the decision points with\n' +
    '                 a "What would you do?" card; the page\'s Classroom button and ?mode=class do the same\n' +
    '  --export FILE  write the page as one self-contained HTML file (scripts, styles and data inline) that works\n' +
    '                 from file:// with no server: for a VLE or a USB stick; no server is started (--force to\n' +
    '                 replace FILE)\n' +
    '  --port N       the port (default: a free one)\n' +
    '  --host HOST    listen on another address than 127.0.0.1 (a warning: anyone who can reach it can read it)\n' +
    '  --open         open the page in the default browser\n' +
    '  --stately      also relay live runs to Stately’s hosted inspector (stately.ai/inspect): needs an internet\n' +
    '                 connection in your browser; open the printed /stately.html address\n\n' +
    'Stop it with Ctrl-C (or SIGTERM): it closes every connection and exits 0.',
  async run(args, io) {
    const { values, positionals } = parse(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      open: { type: 'boolean' },
      stately: { type: 'boolean' },
      class: { type: 'boolean' },
      export: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (positionals.length !== 1)
      throw new UsageError('name one scenario: an id, an alias (2016, 2023, 2025) or a file');
    const port = intOption('port', values.port, 0, 65535);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const catalogue = new Catalogue();
    const scenario = await catalogue.lazily(() => catalogue.resolve(positionals[0] ?? ''));
    const base = scenario.extends
      ? await catalogue.lazily(() => catalogue.resolveBase(positionals[0] ?? ''))
      : undefined;
    // The what-ifs that ship with a historical dispute open from its page, replayed there.
    const whatIfs = scenario.extends ? [] : await catalogue.lazily(() => catalogue.whatIfsOf(scenario));
    const built = await buildInspection(scenario, { ...(base ? { base } : {}), whatIfs: whatIfs.map((w) => w.file) });
    const inspection = JSON.stringify(built);
    if (typeof values.export === 'string') {
      let html: string;
      try {
        html = exportHtml(inspection, inlineStyles(built.chart.svg));
      } catch (error) {
        if (error instanceof AssetsMissingError) throw new InputError(error.message);
        throw error;
      }
      const file = writeOutputFile(values.export, html, { force: !!values.force, inputs: catalogue.readFiles() });
      io.stdout(
        `${file}\nOpen it in a browser (file://, no server needed)${values.class ? '; add ?mode=class for classroom mode' : ''}.\n`,
      );
      return 0;
    }
    if (values.force) throw new UsageError('--force only applies with --export FILE');
    let live: Promise<void> | undefined;
    const calledOff = new AbortController();
    let server: InspectorServer;
    try {
      server = await startServer({
        inspection,
        styles: inlineStyles(built.chart.svg),
        host,
        ...(port !== undefined ? { port } : {}),
        onLiveRequest: ({ speedMs }) => {
          if (live || calledOff.signal.aborted) return;
          live = runLive(scenario, server, speedMs, calledOff.signal).finally(() => {
            live = undefined;
          });
        },
      });
    } catch (error) {
      if (error instanceof AssetsMissingError) throw new InputError(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new InputError(`port ${port} is in use: choose another with --port, or leave it out`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
        throw new InputError(`cannot listen on ${host}: no such local address`);
      throw error;
    }
    server = closedOnSignal(server, async () => {
      calledOff.abort();
      await live;
    });
    openInspectors.add(server);
    if (!LOOPBACK.has(host)) {
      io.stderr(
        `warning: listening on ${host}, not only on this machine: anyone who can reach ${server.url} can read it\n`,
      );
    }
    const page = values.class ? `${server.url}?mode=class` : server.url;
    io.stdout(`Inspector for ${scenario.title}${values.class ? ' (classroom mode)' : ''}\n  ${page}\n`);
    const target = values.stately ? `${server.url}stately.html` : page;
    if (values.stately) {
      io.stdout(`  ${target}  (relays live runs to Stately's hosted inspector; needs internet in the browser)\n`);
    }
    io.stdout('Press Ctrl-C to stop.\n');
    if (values.open) openInBrowser(target);
    return 0;
  },
};
