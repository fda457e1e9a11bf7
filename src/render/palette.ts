/** Colours for terminal output, or none: renderers take a palette so they stay pure. */
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Text styles a renderer may use. */
export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  magenta(s: string): string;
}

const style = (format: Style) => (s: string) => styleText(format, s);

/** A palette that colours with ANSI escapes. */
export const COLOUR: Palette = {
  bold: style('bold'),
  dim: style('dim'),
  red: style('red'),
  green: style('green'),
  yellow: style('yellow'),
  cyan: style('cyan'),
  magenta: style('magenta'),
};

const plain = (s: string): string => s;

/** A palette that leaves text as it is. */
export const PLAIN: Palette = {
  bold: plain,
  dim: plain,
  red: plain,
  green: plain,
  yellow: plain,
  cyan: plain,
  magenta: plain,
};

/** Whether to colour a stream: only a terminal, never with NO_COLOR set, always with FORCE_COLOR. */
export function wantsColour(env: Record<string, string | undefined>, isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return !!isTTY && env.TERM !== 'dumb';
}
