import { describe, expect, it } from 'vitest';
import { parseSandboxArgs, runSandboxCli } from '../../../../../../main/products/sign-de/sandbox/cli';

describe('sandbox command line', () => {
  it('defaults to port 8787, TEST, memory and the real 3 s deployment', () => {
    expect(parseSandboxArgs([])).toEqual({ port: 8787, env: 'TEST', 'deploy-delay-ms': 3000 });
  });

  it.each([
    [['--port', 'abc'], /--port: must be a whole number from 0 to 65535/],
    [['--port', '70000'], /--port/],
    [['--api-key', 'k'], /--api-key and --api-secret go together/],
    [['--env', 'PROD'], /--env/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--deploy-delay-ms', '-1'], /--deploy-delay-ms/],
  ])('refuses %j with one plain line and the usage', (argv, message) => {
    expect(() => parseSandboxArgs(argv)).toThrow(message);
    expect(() => parseSandboxArgs(argv)).toThrow(/usage: npm run sandbox/);
  });

  it('starts a sandbox and prints its URL and the credentials to use', async () => {
    const lines: string[] = [];
    const sandbox = await runSandboxCli(['--port', '0', '--api-key', 'k1', '--api-secret', 's1', '--env', 'LIVE'], (l) => lines.push(l));
    expect(lines[0]).toBe(`fiskaly SIGN DE v2 sandbox at ${sandbox.url}`);
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    expect(lines[1]).toMatch(/\(LIVE\): api_key=k1 api_secret=s1$/);
    const auth = await fetch(`${sandbox.url}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: 'k1', api_secret: 's1' }),
    });
    expect(auth.status).toBe(200);
    await sandbox.close();
  });

  it('takes the export duration and the request limits from flags, and refuses bad ones', async () => {
    expect(() => parseSandboxArgs(['--export-base-ms', '-5'])).toThrow(/--export-base-ms/);
    expect(() => parseSandboxArgs(['--list-tx-per-minute', '0'])).toThrow(/--list-tx-per-minute/);
    const sandbox = await runSandboxCli(
      ['--port', '0', '--export-base-ms', '0', '--export-per-log-ms', '5', '--list-tx-per-minute', '100', '--export-polls-per-minute', '60'],
      () => {},
    );
    const status = (await (await fetch(`${new URL(sandbox.url).origin}/_sandbox/status`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({
      export_duration: { baseMs: 0, perLogMs: 5 },
      limits: { listTransactionsPerMinute: 100, exportPollsPerMinute: 60 },
    });
    await sandbox.close();
  });
});
