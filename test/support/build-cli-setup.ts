import { buildCli, cliIsStale } from '../../build-cli';

/**
 * Vitest's global setup: tests that run the CLI run the built bin (out/cli), as it ships. `npm test` builds
 * it first; a direct `npx vitest run` builds it here when it is missing or older than its sources.
 */
export default async function setup(): Promise<void> {
  if (cliIsStale()) await buildCli();
}
