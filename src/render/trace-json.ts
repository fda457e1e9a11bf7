/**
 * The Trace as JSON text, written piece by piece: the same text as `JSON.stringify(trace, null, 2)`, but never
 * one string of the whole, so a Trace of tens of thousands of steps prints in bounded memory.
 */
import type { Trace } from '../schemas/trace.js';

/** `JSON.stringify(value, null, 2)` for a value nested `depth` levels deep. */
function nested(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/** The pieces of a Trace's JSON text at a depth (0 alone, 1 inside an array of traces), in order. */
export function* traceJsonChunks(trace: Trace, depth = 0): Generator<string> {
  const pad = '  '.repeat(depth + 1);
  const entries = Object.entries(trace).filter(([, v]) => v !== undefined);
  yield '{';
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? ',' : '';
    if (key === 'steps' && Array.isArray(value)) {
      if (value.length === 0) {
        yield `\n${pad}"steps": []${comma}`;
        continue;
      }
      yield `\n${pad}"steps": [`;
      for (const [j, step] of value.entries()) {
        yield `\n${pad}  ${nested(step, depth + 2)}${j < value.length - 1 ? ',' : ''}`;
      }
      yield `\n${pad}]${comma}`;
    } else yield `\n${pad}${JSON.stringify(key)}: ${nested(value, depth + 1)}${comma}`;
  }
  yield `\n${'  '.repeat(depth)}}`;
}

/** The pieces of the JSON text of one Trace, or of an array of several, ending with a newline. */
export function* tracesJsonChunks(traces: readonly Trace[]): Generator<string> {
  if (traces.length === 1) yield* traceJsonChunks(traces[0] as Trace);
  else {
    yield '[';
    for (const [i, t] of traces.entries()) {
      yield '\n  ';
      yield* traceJsonChunks(t, 1);
      if (i < traces.length - 1) yield ',';
    }
    yield traces.length > 0 ? '\n]' : ']';
  }
  yield '\n';
}
