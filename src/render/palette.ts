/** Colours for terminal output, or none: renderers take a palette so they stay pure. */
import { randomBytes } from 'node:crypto';
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

// Node's styleText drops colour by itself when NO_COLOR is set at all (even empty) or stdout is not a
// terminal; whether to colour is decided once, by `wantsColour`, so it is told not to second-guess.
const style = (format: Style) => (s: string) => styleText(format, s, { validateStream: false });

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

/** A colour palette whose escapes are marked, so that every other escape in the text can be neutralised. */
export interface MarkedPalette {
  palette: Palette;
  /** Turns this palette's marks into real ANSI escapes; nothing else in the text becomes one. */
  unmark(text: string): string;
}

/**
 * A colour palette that writes its styles with a random marker in place of the escape character. Text from a
 * scenario file cannot contain a marker made after it was written, so after `escapeControls` has shown every
 * escape in the text visibly, `unmark` brings back only the palette's own.
 */
export function markedPalette(): MarkedPalette {
  const marker = `\u{f8ff}${randomBytes(6).toString('hex')}\u{f8ff}`;
  const mark = (s: string): string => s.replaceAll('\u001b', marker);
  const palette = Object.fromEntries(
    Object.entries(COLOUR).map(([name, paint]) => {
      // Only the style's own opening and closing escapes are marked, never the text it wraps.
      const [open = '', close = ''] = paint('\u0000').split('\u0000');
      const [markedOpen, markedClose] = [mark(open), mark(close)];
      return [name, (s: string) => `${markedOpen}${s}${markedClose}`];
    }),
  ) as unknown as Palette;
  return { palette, unmark: (text) => text.replaceAll(marker, '\u001b') };
}

/** Whether to colour a stream: only a terminal, never with a non-empty NO_COLOR, always with FORCE_COLOR. */
export function wantsColour(env: Record<string, string | undefined>, isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return !!isTTY && env.TERM !== 'dumb';
}
