/**
 * A pack printed to PDF by headless Chromium: Debian's `/usr/bin/chromium`, or the browser `CHROME_PATH` names.
 * The HTML is written to a private temporary folder and printed with Chromium's own `--print-to-pdf`, so no
 * driver library is needed; the pack's print stylesheet gives the A4 pages, the running header and page numbers.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** No browser to print with, or it failed: the message says what to do. */
export class PdfError extends Error {}

/** The browser to print with: `CHROME_PATH` if set, else Debian's Chromium; undefined when neither is there. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string | undefined {
  const wanted = env.CHROME_PATH || '/usr/bin/chromium';
  return existsSync(wanted) ? wanted : undefined;
}

/** Prints an HTML document to PDF bytes. */
export async function printPdf(
  html: string,
  env: Record<string, string | undefined> = process.env,
): Promise<Uint8Array> {
  const browser = chromiumPath(env);
  if (!browser) {
    throw new PdfError(
      `PDF needs Chromium, and ${env.CHROME_PATH ? `CHROME_PATH (${env.CHROME_PATH})` : '/usr/bin/chromium'} is not there: install it (apt-get install chromium), set CHROME_PATH to a Chrome or Chromium, or write --format html and print that from a browser`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-report-'));
  try {
    const page = join(dir, 'pack.html');
    const pdf = join(dir, 'pack.pdf');
    writeFileSync(page, html, { mode: 0o600 });
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(browser, args, { timeout: 120_000, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error && !existsSync(pdf)) {
          const why = error.killed
            ? 'it took longer than two minutes'
            : String(stderr).trim().split('\n').at(-1) || error.message;
          reject(new PdfError(`Chromium (${browser}) could not print the pack: ${why}`));
        } else resolve();
      });
    });
    if (!existsSync(pdf)) throw new PdfError(`Chromium (${browser}) printed no PDF`);
    return new Uint8Array(readFileSync(pdf));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
