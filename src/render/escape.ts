/**
 * Text from scenario files made safe for a terminal: control characters (C0, DEL, C1), Unicode line separators
 * and bidirectional overrides are shown as visible `\uXXXX` escapes instead of acting on the terminal. The same
 * notation is a JSON string escape, so escaped JSON output still parses to the same values.
 */

// Tab and newline are layout we write ourselves; everything else below space, DEL, C1, U+2028/9 and the bidi
// embeddings, overrides and isolates (U+202A–E, U+2066–9) could retitle, clear or reorder a terminal's text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regex's purpose.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text with every character that could act on a terminal written visibly as `\uXXXX`. */
export function escapeControls(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, hex) : text;
}
