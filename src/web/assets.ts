/**
 * The inspector page's own files, read once at start: the HTML and CSS beside its sources, and the page's
 * JavaScript compiled by `npm run build`. Only these are ever served.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A file the server may send. */
export interface Asset {
  body: Buffer;
  type: string;
}

/** The folder of the page's HTML and CSS. */
export const PAGE_DIR = fileURLToPath(new URL('../../src/web/page/', import.meta.url));
/** The folder of the page's compiled JavaScript. */
export const PAGE_JS_DIR = fileURLToPath(new URL('../../dist/web/page/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** The inspector is missing its compiled page. */
export class AssetsMissingError extends Error {
  override name = 'AssetsMissingError';
}

/** Every file the page needs, by the path it is served at. */
export function loadAssets(): Map<string, Asset> {
  const out = new Map<string, Asset>();
  for (const name of readdirSync(PAGE_DIR)) {
    const ext = name.slice(name.lastIndexOf('.'));
    if (ext === '.html' || ext === '.css')
      out.set(`/${name}`, { body: readFileSync(PAGE_DIR + name), type: TYPES[ext] ?? '' });
  }
  if (!existsSync(PAGE_JS_DIR)) throw new AssetsMissingError('the inspector page is not built: run `npm run build`');
  for (const name of readdirSync(PAGE_JS_DIR)) {
    if (name.endsWith('.js'))
      out.set(`/js/${name}`, { body: readFileSync(PAGE_JS_DIR + name), type: TYPES['.js'] ?? '' });
  }
  return out;
}
