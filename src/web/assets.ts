/**
 * The inspector page's own files, read once at start from dist/web/page/: its JavaScript compiled by
 * `npm run build` and its HTML and CSS, which the build copies beside it (src/ is not in the package).
 * Only these are ever served.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A file the server may send. */
export interface Asset {
  body: Buffer;
  type: string;
}

/** The folder of the built page: the same folder whether this module runs from src/ or from dist/. */
export const PAGE_DIR = fileURLToPath(new URL('../../dist/web/page/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** The inspector is missing its built page. */
export class AssetsMissingError extends Error {
  override name = 'AssetsMissingError';
}

/** Every file the page needs, by the path it is served at. */
export function loadAssets(): Map<string, Asset> {
  if (!existsSync(`${PAGE_DIR}index.html`))
    throw new AssetsMissingError('the inspector page is not built: run `npm run build`');
  const out = new Map<string, Asset>();
  for (const name of readdirSync(PAGE_DIR)) {
    const ext = name.slice(name.lastIndexOf('.'));
    const type = TYPES[ext];
    if (type === undefined) continue;
    out.set(ext === '.js' ? `/js/${name}` : `/${name}`, { body: readFileSync(PAGE_DIR + name), type });
  }
  return out;
}
