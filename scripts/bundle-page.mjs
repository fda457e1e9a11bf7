// Bundles the inspector page and the engine it imports into one ES module, for `dispute-sim inspect --export`.
// The page's modules import the engine as the bundle they are served beside (`./engine.js`); here that name stands
// for its source. Run by scripts/build.mjs: node scripts/bundle-page.mjs <page entry> <engine entry> <outfile>.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const esbuild = require('esbuild');
const [entry, engine, outfile] = process.argv.slice(2);

await esbuild.build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [
    {
      name: 'page-engine',
      setup(build) {
        // Only the page's own `./engine.js` (src/simulation has an engine.js of its own).
        build.onResolve({ filter: /^\.\/engine\.js$/ }, (args) =>
          /[\\/]web[\\/]page[\\/]/.test(args.importer) ? { path: engine } : undefined,
        );
      },
    },
  ],
});
