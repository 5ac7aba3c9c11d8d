import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerAppScheme, serveRenderer } from '../../../../main/app/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../main/core/renderer-assets';
import { protocol } from '../../../fakes/electron';
import { makeTempDir } from '../../../support/temp-dir';

describe('app:// protocol', () => {
  const dir = makeTempDir();
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir.path, 'secret.txt'), 'outside');
  afterAll(() => dir.remove());

  registerAppScheme();
  serveRenderer(protocol as never, rendererDir);
  const handle = protocol.handlers.get('app')!;

  it('registers app:// as a standard secure scheme', () => {
    expect(protocol.privileged).toContainEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('serves the bundle with the CSP header and the right type', async () => {
    const response = await handle(new Request('app://bundle/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('refuses paths that climb out of the bundle', async () => {
    const response = await handle(new Request('app://bundle/..%2fsecret.txt'));
    expect(response.status).toBe(403);
  });

  it('answers 404 for other hosts and missing files', async () => {
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await handle(new Request('app://bundle/missing.js'))).status).toBe(404);
  });
});
