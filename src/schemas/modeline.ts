/**
 * The first line of a scenario file, which tells editors (through yaml-language-server) where its JSON Schema is.
 * Computed from where the file will be written, so a scenario saved anywhere finds its schema.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The name the schema file goes by beside scenario files. */
export const SCHEMA_FILE_NAME = 'scenario.schema.json';

const PREFIX = '# yaml-language-server: $schema=';

/**
 * The modeline for a scenario file about to be written at `fileBeingWritten`, pointing at the schema at
 * `schemaPath`: a relative path (`./scenario.schema.json`, `../scenario.schema.json`), so the two can be moved
 * together, or a file URL where no relative path will do (another drive, or whitespace or `#`, which a modeline
 * cannot carry).
 */
export function modelineFor(fileBeingWritten: string, schemaPath: string): string {
  const schema = resolve(schemaPath);
  const path = relative(dirname(resolve(fileBeingWritten)), schema);
  if (path === '' || isAbsolute(path) || /[\s#]/.test(path)) return `${PREFIX}${pathToFileURL(schema).href}`;
  const posix = path.split(sep).join('/');
  return `${PREFIX}${posix.startsWith('../') ? posix : `./${posix}`}`;
}

/** Whether a line is a yaml-language-server modeline naming a schema. */
export function isModeline(line: string): boolean {
  return /^#\s+yaml-language-server\s*:.*\$schema[=:]/.test(line);
}

/** Scenario text with its modeline for where it will be written: an old modeline is replaced, else one is added. */
export function withModeline(text: string, fileBeingWritten: string, schemaPath: string): string {
  const line = modelineFor(fileBeingWritten, schemaPath);
  const [first = '', ...rest] = text.split('\n');
  return isModeline(first) ? [line, ...rest].join('\n') : `${line}\n${text}`;
}
