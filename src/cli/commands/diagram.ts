/** `dispute-sim diagram`: draw the dispute statechart, optionally with one replay's path through it. */
import { Catalogue } from '../../loader/catalogue.js';
import { disputeMachine } from '../../machine/dispute.machine.js';
import {
  chartModel,
  type Emphasis,
  emphasisFromTrace,
  layoutChart,
  toDot,
  toMermaid,
  toSvg,
} from '../../render/chart/index.js';
import { replay } from '../../simulation/replay.js';
import { parse } from '../args.js';
import { type Command, UsageError } from '../context.js';
import { writeOutputFile } from '../output.js';

/** The diagram formats, the first the default. */
export const DIAGRAM_FORMATS = ['svg', 'mermaid', 'dot', 'json'] as const;
/** A diagram format. */
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

const isFormat = (value: string): value is DiagramFormat => (DIAGRAM_FORMATS as readonly string[]).includes(value);

/** Draws the statechart. */
export const diagramCommand: Command = {
  name: 'diagram',
  usage: 'dispute-sim diagram [--format svg|mermaid|dot|json] [--scenario ID] [--out FILE [--force]]',
  help:
    'Draws the dispute statechart from the machine itself: nested and parallel states, initial and final states,\n' +
    'every transition labelled "event [guard]", and each state’s description (as a tooltip in the SVG).\n\n' +
    'Options:\n' +
    '  --format F      svg (default; a standalone drawing), mermaid (stateDiagram-v2 for Markdown),\n' +
    '                  dot (Graphviz), or json (the chart as data)\n' +
    '  --scenario ID   replay a scenario (an id, an alias such as 2023, or a file) and emphasise the states it\n' +
    '                  visited and the transitions it took\n' +
    '  --out FILE      write the diagram to FILE and print its path, instead of printing the diagram;\n' +
    '                  an existing FILE is kept unless --force is given, and an input is never written\n' +
    '  --force         replace FILE if it exists (a symbolic link is replaced, not followed)',
  async run(args, io) {
    const { values } = parse(
      args,
      {
        format: { type: 'string' },
        scenario: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
      },
      false,
    );
    const format = typeof values.format === 'string' ? values.format : 'svg';
    if (!isFormat(format))
      throw new UsageError(`--format must be one of ${DIAGRAM_FORMATS.join(', ')}, not "${format}"`);
    const model = chartModel(disputeMachine);
    let emphasis: Emphasis | undefined;
    let title: string | undefined;
    const catalogue = new Catalogue();
    if (typeof values.scenario === 'string') {
      const ref = values.scenario;
      const trace = replay(await catalogue.lazily(() => catalogue.resolve(ref)));
      emphasis = emphasisFromTrace(trace, model);
      title = `The ${model.id} statechart, with the path of “${trace.scenario.title}” (${trace.scenario.id})`;
    }
    const options = emphasis ? { emphasis } : {};
    let text: string;
    if (format === 'mermaid') text = toMermaid(model, options);
    else if (format === 'dot') text = toDot(model, options);
    else if (format === 'json') {
      const marked = emphasis ? { emphasis: { states: [...emphasis.states], edges: [...emphasis.edges] } } : {};
      text = `${JSON.stringify({ ...model, ...marked }, null, 2)}\n`;
    } else text = toSvg(await layoutChart(model), { ...options, ...(title ? { title } : {}) });
    if (typeof values.out !== 'string') {
      io.stdout(text);
      return 0;
    }
    const file = writeOutputFile(values.out, text, { force: !!values.force, inputs: catalogue.readFiles() });
    io.stdout(`${file}\n`);
    return 0;
  },
};
