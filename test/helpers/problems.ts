/** The problems a scenario file gives when the catalogue resolves it: none if it loads. */
import { ScenarioLoadError, type ScenarioProblem } from '../../src/loader/problems.js';
import { ScenarioCatalogue } from '../../src/loader/registry.js';

/** Every problem resolving `path` reports, in file order; an empty list when it loads. */
export function problemsOf(path: string): ScenarioProblem[] {
  try {
    new ScenarioCatalogue().resolve(path);
  } catch (error) {
    if (error instanceof ScenarioLoadError) return error.problems;
    throw error;
  }
  return [];
}
