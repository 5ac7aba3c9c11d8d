import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../main/cli/plan-file';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

const README = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');

interface Block {
  lang: string;
  text: string;
}

/** The fenced code blocks of a markdown text, with their language. */
function fencedBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm)].map((match) => ({ lang: match[1]!, text: match[2]! }));
}

const blocks = fencedBlocks(README);
const jsonPlans = blocks.filter((block) => block.lang === 'json' && block.text.includes('"storeName"'));
const csvPlans = blocks.filter((block) => block.lang === 'csv' && /\bclient_serial\b/.test(block.text.split('\n', 1)[0]!));
/** The README's own `tss-companion provision … --plan FILE` lines, comments cut off. */
const planCommands = blocks
  .filter((block) => block.lang === 'bash' || block.lang === 'sh')
  .flatMap((block) => block.text.split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter((line) => /^tss-companion provision .*--plan \S+/.test(line));

const cli = (args: string[], cwd: string, dataDir: string) =>
  runCliProcess([...args, '--data-dir', dataDir], { cwd, env: { TSS_COMPANION_PASSPHRASE: 'a long test passphrase for the readme' } });

/** What a plan example says: store names and their client serials, read without the CLI's code. */
function expectedStores(block: Block): Array<[string, string[]]> {
  if (block.lang === 'json') {
    const json = JSON.parse(block.text) as unknown;
    const stores = (Array.isArray(json) ? json : ((json as { stores?: unknown[] }).stores ?? [json])) as Array<{ storeName: string; clients: Array<{ serialNumber: string }> }>;
    return stores.map((s) => [s.storeName, s.clients.map((c) => c.serialNumber)]);
  }
  const [header, ...rows] = block.text.trim().split('\n');
  const delimiter = header!.includes(';') && !header!.includes(',') ? ';' : ',';
  const columns = header!.split(delimiter).map((c) => c.trim().toLowerCase());
  const stores = new Map<string, string[]>();
  for (const row of rows) {
    const cells = row.split(delimiter).map((c) => c.trim());
    const store = cells[columns.indexOf('store')]!;
    stores.set(store, [...(stores.get(store) ?? []), cells[columns.indexOf('client_serial')]!]);
  }
  return [...stores];
}

/** README.md and the CLI cannot drift: the plan examples the README shows are what the CLI reads. */
describe('the plan examples in README.md', () => {
  const dir = makeTempDir();
  afterAll(() => dir.remove());

  it('shows a JSON and a CSV plan in fenced ```json and ```csv blocks', () => {
    expect(jsonPlans.length, 'README.md shows no JSON plan (a ```json block with "storeName")').toBeGreaterThan(0);
    expect(csvPlans.length, 'README.md shows no CSV plan (a ```csv block whose header has client_serial)').toBeGreaterThan(0);
  });

  it('has every example accepted by the CLI’s plan loading, store by store', () => {
    for (const block of [...jsonPlans, ...csvPlans]) {
      const plans = parsePlanText(block.text, `README.md ${block.lang} example`, block.lang as 'json' | 'csv', 'sandbox');
      expect(plans.map((plan) => [plan.storeName, plan.clients.map((c) => c.serialNumber)])).toEqual(expectedStores(block));
      // The examples are for real stores: they carry the master data TEST and LIVE require.
      expect(parsePlanText(block.text, `README.md ${block.lang} example`, block.lang as 'json' | 'csv', 'live')).toEqual(plans.map((plan) => ({ ...plan, environment: 'live' })));
    }
  });

  it.each([
    ['CSV', 'stores.csv', () => csvPlans[0]],
    ['JSON', 'stores.json', () => jsonPlans[0]],
  ])('provisions the first %s example in the built-in sandbox, as the README’s command line says', async (_kind, file, example) => {
    const block = example();
    expect(block, `README.md shows no ${file} example`).toBeDefined();
    const folder = makeTempDir();
    try {
      writeFileSync(join(folder.path, file), block!.text);
      // The README's own line when it runs in the sandbox; the LIVE line's flags cannot run here.
      const shown = planCommands.find((line) => line.includes(`--plan ${file}`) && line.includes('--sandbox'));
      const args = shown ? shown.split(/\s+/).slice(1) : ['provision', '--sandbox', '--plan', file, '--json'];
      if (!args.includes('--json')) args.push('--json');
      const result = await cli(args, folder.path, join(folder.path, 'data'));
      expect(result.code, result.stderr).toBe(0);
      const reports = JSON.parse(result.stdout) as Array<{ storeName: string; status: string; clients: Array<{ serialNumber: string; registered: boolean }> }>;
      expect(reports.map((r) => [r.storeName, r.clients.map((c) => c.serialNumber)])).toEqual(expectedStores(block!));
      expect(reports.every((r) => r.status === 'done' && r.clients.every((c) => c.registered))).toBe(true);
    } finally {
      folder.remove();
    }
  }, 120_000);
});
