import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

/**
 * `npm test`: every check in order, then one closing line `N passed, N failed, N skipped` summed over
 * the gates (typecheck, lint, build) and the test cases of every runner. Exits non-zero on any failure.
 */
interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const run = (command: string, args: string[]): boolean => {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } }).status === 0;
};

const readJson = (file: string): unknown => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const gate = (ok: boolean): Tally => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });

function runner(command: string, args: string[], report: string, count: (json: never) => Tally): Tally {
  rmSync(report, { force: true });
  const ok = run(command, args);
  const json = readJson(report);
  if (!json) return { passed: 0, failed: 1, skipped: 0 };
  const tally = count(json as never);
  // A runner that failed without a failing test (a crash, a config error) still counts as one failure.
  return !ok && tally.failed === 0 ? { ...tally, failed: 1 } : tally;
}

interface PlaywrightSuite {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: Array<{ title: string; tests: Array<{ status: string; annotations: Array<{ type: string; description?: string }> }> }>;
}

/** A skipped test says why, so a reader of the CI log knows what did not run here. */
function printSkipReasons(report: string): void {
  const json = readJson(report) as { suites?: PlaywrightSuite[] } | null;
  const walk = (suite: PlaywrightSuite, path: string[]): void => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status !== 'skipped') continue;
        const reason = t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
        console.log(`skipped: ${[...path, spec.title].join(' › ')}: ${reason}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of json?.suites ?? []) walk(suite, [suite.title]);
}

const tallies: Array<[string, Tally]> = [
  ['typecheck', gate(run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']))],
  ['lint', gate(run('npx', ['eslint', '--max-warnings', '0', '.']))],
  ['build', gate(run('npm', ['run', 'build']))],
  [
    'vitest',
    runner('npx', ['vitest', 'run'], 'reports/vitest.json', (json: { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }) => ({
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests + json.numTodoTests,
    })),
  ],
  [
    'playwright',
    runner('npx', ['playwright', 'test'], 'reports/playwright.json', (json: { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }) => ({
      passed: json.stats.expected + json.stats.flaky,
      failed: json.stats.unexpected,
      skipped: json.stats.skipped,
    })),
  ],
];

printSkipReasons('reports/playwright.json');

console.log('');
for (const [name, t] of tallies) console.log(`${name.padEnd(11)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
const total = tallies.reduce((sum, [, t]) => ({
  passed: sum.passed + t.passed,
  failed: sum.failed + t.failed,
  skipped: sum.skipped + t.skipped,
}), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 ? 0 : 1);
