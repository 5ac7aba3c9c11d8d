import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';

/**
 * The security gate: @doyensec/electronegativity over main/ and preload/ must find nothing HIGH or MEDIUM,
 * and over a deliberately insecure fixture it must find HIGH issues (so the gate can fail).
 *
 * It runs through the package's own entry (`run(options)`) in a child process, with the options the CLI
 * flags `-e <electron> -x AvailableSecurityFixesGlobalCheck -r -v false` set, and the child writes the
 * findings to a JSON file that the test reads. Not the CLI's `-o` file, because in 1.10.3:
 *  - the CSV writer races with itself (header and rows are two concurrent fs.writeFile calls): the header
 *    can overwrite the start of the first finding, or truncate the findings away, so a gate could pass;
 *  - SARIF has no severity, so it cannot tell HIGH from LOW;
 *  - with `-o`, files that fail to parse are dropped without a word; `run()` returns them as `errors`.
 * The CLI exits 0 whatever it finds, so nothing here relies on exit codes for findings either.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/insecure-app');
const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron!;

const SCANNER = `
const { writeFileSync } = require('node:fs');
const run = require('@doyensec/electronegativity');
const [input, output, electronVersion] = process.argv.slice(1);
run({
  input,
  electronVersionOverride: electronVersion,                // -e
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],  // -x: it fetches release notes from the network
  isRelative: true,                                        // -r
  isVerbose: false,                                        // -v false
}).then((result) => {
  const issues = result.issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location.line,
    column: issue.location.column,
    sample: issue.sample || '',
  }));
  writeFileSync(output, JSON.stringify({ checks: result.globalChecks + result.atomicChecks, errors: result.errors, issues }));
});
`;

interface Finding {
  id: string;
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  confidence: string;
  file: string;
  line: number;
  column: number;
  sample: string;
}
interface Report {
  checks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Finding[];
}

const temp = makeTempDir('tss-electronegativity-');

async function scan(input: string, name: string): Promise<Report> {
  const output = join(temp.path, `${name}.json`);
  // The tool tries to fetch translations (about 3 s offline); LANG picks the bundled English texts.
  await promisify(execFile)(process.execPath, ['-e', SCANNER, input, output, electronVersion], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'en-US' },
    timeout: 90_000,
  });
  return JSON.parse(readFileSync(output, 'utf8')) as Report;
}

/**
 * main/ and preload/ as the app ships them, plus the renderer page that carries the meta CSP: the global
 * checks (CSP, navigation limits, permission handler) judge the whole app, not one folder at a time.
 */
function stageApp(): string {
  const app = join(temp.path, 'app');
  cpSync(join(ROOT, 'main'), join(app, 'main'), { recursive: true });
  cpSync(join(ROOT, 'preload'), join(app, 'preload'), { recursive: true });
  mkdirSync(join(app, 'renderer'));
  cpSync(join(ROOT, 'renderer/index.html'), join(app, 'renderer/index.html'));
  return app;
}

const gated = (report: Report) => report.issues.filter((issue) => issue.severity === 'HIGH' || issue.severity === 'MEDIUM');
const describeFinding = (f: Finding) => `${f.severity} ${f.id} at ${f.file}:${f.line}:${f.column} (${f.confidence}): ${f.sample}`;
const describeError = (e: Report['errors'][number]) => `${e.file}: ${e.message}`;

describe('electronegativity', () => {
  let app: Report;
  let fixture: Report;

  beforeAll(async () => {
    [app, fixture] = await Promise.all([scan(stageApp(), 'app'), scan(FIXTURE, 'insecure-app')]);
  }, 120_000);

  afterAll(() => temp.remove());

  it('parses every file of main/ and preload/', () => {
    expect(app.checks).toBeGreaterThan(30);
    const unparsed = app.errors.filter((error) => !error.tolerable).map(describeError);
    expect(unparsed, 'files electronegativity could not parse, so did not check').toEqual([]);
  });

  it('finds nothing HIGH or MEDIUM in main/ and preload/', () => {
    const findings = gated(app).map(describeFinding);
    expect(findings, 'fix these, or mark a false positive on its line with /* eng-disable CHECK_ID */ and a reason').toEqual([]);
  });

  it('does report HIGH findings in the insecure fixture, so the gate can fail', () => {
    expect(fixture.errors).toEqual([]);
    const high = fixture.issues.filter((issue) => issue.severity === 'HIGH').map((issue) => issue.id);
    expect(high).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    expect(gated(fixture).map((issue) => issue.id)).toEqual(expect.arrayContaining(['SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']));
  });
});
