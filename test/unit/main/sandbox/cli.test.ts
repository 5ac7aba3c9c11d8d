import { describe, expect, it } from 'vitest';
import { parseSandboxArgs, runSandboxCli } from '../../../../main/sandbox/cli';

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
});
