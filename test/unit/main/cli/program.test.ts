import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../../main/cli/program';
import { resumeCommand, wayOutCommand } from '../../../../main/cli/resume-command';

describe('the command-line parser', () => {
  it('hands a command its flags by their long names, repeated ones as a list, --no-x as x: true', async () => {
    const { name, parsed } = await parseCommandLine(['provision', '--sandbox', '--client', 'A-1', '--client=B-2', '--store', '-dash-name', '--no-receipt', '--house-number', '7']);
    expect(name).toBe('provision');
    expect(parsed).toEqual({ values: { sandbox: true, client: ['A-1', 'B-2'], store: '-dash-name', 'no-receipt': true, 'house-number': '7' }, positionals: [] });
  });

  it('names subcommands with their parent and passes their operands', async () => {
    expect(await parseCommandLine(['runs', 'resume', 'RUN', '--sandbox', '--repair'])).toEqual({ name: 'runs resume', parsed: { values: { sandbox: true, repair: true }, positionals: ['RUN'] } });
    expect(await parseCommandLine(['verify-qr', 'V0;x;y'])).toEqual({ name: 'verify-qr', parsed: { values: {}, positionals: ['V0;x;y'] } });
    expect(await parseCommandLine(['runs', '--json'])).toEqual({ name: 'runs', parsed: { values: { json: true }, positionals: [] } });
  });

  it.each([
    [['provision', '--nope'], 'commander.unknownOption'],
    [['runs', 'resume'], 'commander.missingArgument'],
    [['recover', 'list', 'extra'], 'commander.excessArguments'],
    [['frobnicate'], 'commander.unknownCommand'],
    [['provision', '--plan'], 'commander.optionMissingArgument'],
  ])('refuses %j (%s) without running anything', async (argv, code) => {
    const error = await parseCommandLine(argv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).code).toBe(code);
  });
});

describe('the resume command line', () => {
  const runId = '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d';
  it.each([
    [{ runId, environment: 'sandbox' as const }, `tss-companion runs resume ${runId} --sandbox`],
    [{ runId, environment: 'test' as const, baseUrl: 'https://kassensichv-middleware.fiskaly.com/api/v2' }, `tss-companion runs resume ${runId} --base-url https://kassensichv-middleware.fiskaly.com/api/v2`],
    [{ runId, environment: 'live' as const, dataDir: "/home/tech/Mein Laden's data" }, `tss-companion runs resume ${runId} --base-url URL --live --data-dir '/home/tech/Mein Laden'\\''s data'`],
  ])('%j', (target, line) => {
    expect(resumeCommand(target)).toBe(line);
  });
});

describe('the way out of a stopped run, as a command line', () => {
  const target = { runId: '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d', environment: 'sandbox' as const, tssId: '0e9f6d1a-77a2-4c1b-8d0e-3c2b1a0f9e02', dataDir: '/d' };
  it.each([
    [undefined, 'tss-companion runs resume 3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d --sandbox --data-dir /d'],
    ['repair' as const, 'tss-companion runs resume 3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d --sandbox --data-dir /d --repair'],
    ['abandon' as const, 'tss-companion runs abandon 3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d --data-dir /d'],
    [
      'puk-recovery' as const,
      'tss-companion recover unblock 0e9f6d1a-77a2-4c1b-8d0e-3c2b1a0f9e02 --sandbox --data-dir /d, then tss-companion runs resume 3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d --sandbox --data-dir /d',
    ],
  ])('%s', (next, line) => {
    expect(wayOutCommand(next, target)).toBe(line);
  });
});
