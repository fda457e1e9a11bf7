/**
 * The inspector as one self-contained HTML file (`dispute-sim inspect --export FILE.html`): the page's script
 * (dist/web/page/app.bundle.js, the page and the engine in one module), its styles and the scenario's data all
 * inline, under a Content-Security-Policy in a meta tag that allows exactly those inline parts by their hashes.
 * It works from `file://` with no server and no network: stepping, classroom mode and forking included.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { AssetsMissingError, PAGE_DIR } from './assets.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/** JSON safe inside a `<script>` element: no `</script`, no HTML comment openers, no line separators. */
function scriptSafe(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The exported page: `inspection` is the page's data as JSON, `styles` the chart's own inline CSS. */
export function exportHtml(inspection: string, styles: readonly string[]): string {
  const bundle = `${PAGE_DIR}app.bundle.js`;
  if (!existsSync(bundle) || !existsSync(`${PAGE_DIR}index.html`)) {
    throw new AssetsMissingError('the inspector page is not built: run `npm run build`');
  }
  // Hashed as it will stand in the page: a `</script` inside it escaped.
  const script = readFileSync(bundle, 'utf8').replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(`${PAGE_DIR}app.css`, 'utf8');
  const policy = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(script)}'`,
    `style-src ${[css, ...styles].map((s) => `'sha256-${sha256(s)}'`).join(' ')}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  let html = readFileSync(`${PAGE_DIR}index.html`, 'utf8');
  html = html.replace(
    '<link rel="stylesheet" href="/app.css">',
    () => `<meta http-equiv="Content-Security-Policy" content="${policy}">\n  <style>${css}</style>`,
  );
  html = html.replace('<script type="module" src="/js/main.js"></script>', () => '');
  // The data first, then the script that reads it, at the end of the body (the page is parsed by then).
  html = html.replace(
    '</body>',
    () =>
      `<script type="application/json" id="inspection-data">${scriptSafe(inspection)}</script>\n<script type="module">${script}</script>\n</body>`,
  );
  return html;
}
