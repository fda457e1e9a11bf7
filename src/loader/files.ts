/** Where the shipped scenarios live, and how paths are shown to people. Light: no parsing here. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the scenarios that ship with the package. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** The shipped scenario folders, in listing order. */
export const SCENARIO_FOLDERS = ['historical', 'counterfactual', 'examples'] as const;

/** The paths of the shipped scenario files, in listing order. */
export function shippedScenarioFiles(dir = SCENARIO_DIR): string[] {
  const out: string[] = [];
  for (const folder of SCENARIO_FOLDERS) {
    const path = join(dir, folder);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path).sort()) if (/\.ya?ml$/.test(name)) out.push(join(path, name));
  }
  return out;
}

/** A readable path for messages: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.length < file.length && !rel.startsWith('..') ? rel : file;
}
