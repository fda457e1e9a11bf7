/**
 * The scenario catalogue with its parser at hand: what the library and the tests use (synchronous throughout).
 * The command line uses `Catalogue` from catalogue.ts, which loads the parser only when it must.
 */
import { Catalogue } from './catalogue.js';
import { SCENARIO_DIR } from './files.js';
import { readHeader } from './headers.js';
import { parseScenario, placesIn } from './load.js';

export { Catalogue, ParserNeeded } from './catalogue.js';
export { ScenarioNotFoundError } from './errors.js';
export { displayPath, SCENARIO_DIR, SCENARIO_FOLDERS, shippedScenarioFiles } from './files.js';

/** A catalogue of scenario files, loaded once each, that can always parse a file itself. */
export class ScenarioCatalogue extends Catalogue {
  constructor(dir = SCENARIO_DIR) {
    super(dir, { parseScenario, placesIn, readHeader });
  }
}
