/**
 * The types of the engine bundle the page loads from /js/engine.js (src/simulation/browser.ts, bundled by
 * scripts/build.mjs): the page's own modules are served flat, so they reach the shared code through the bundle.
 */
export * from '../../simulation/browser.js';
