import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services';
import { makeTempDir } from '../../support/temp-dir';

describe('createServices', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('answers app:info with the version, the data folder and the three environments', async () => {
    const services = createServices({ dataDir: dir.path, version: '1.2.3' });
    const result = await services.dispatch('app:info', undefined);
    expect(result).toMatchObject({ ok: true, value: { name: 'TSS Companion', version: '1.2.3', dataDir: dir.path } });
    if (!result.ok) throw new Error('expected ok');
    const value = result.value as { environments: Array<{ id: string; training: boolean }> };
    expect(value.environments.map((e) => [e.id, e.training])).toEqual([
      ['sandbox', true],
      ['test', true],
      ['live', false],
    ]);
  });

  it('starts with German and the sandbox', async () => {
    const services = createServices({ dataDir: dir.path, version: '1' });
    expect(await services.dispatch('settings:get', undefined)).toEqual({
      ok: true,
      value: { language: 'de', environment: 'sandbox' },
    });
  });

  it('keeps settings across a restart, in a file only the owner can read', async () => {
    const first = createServices({ dataDir: dir.path, version: '1' });
    await first.dispatch('settings:set', { language: 'en', environment: 'test' });
    const second = createServices({ dataDir: dir.path, version: '1' });
    expect(second.settings.get()).toEqual({ language: 'en', environment: 'test' });
    const file = join(dir.path, 'settings.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'en', environment: 'test' });
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs');
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  });

  it('falls back to defaults for values edited by hand into nonsense', () => {
    writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ language: 'xx', environment: 'test' }));
    const services = createServices({ dataDir: dir.path, version: '1' });
    expect(services.settings.get()).toEqual({ language: 'de', environment: 'test' });
  });

  it('announces a change to subscribers', async () => {
    const services = createServices({ dataDir: dir.path, version: '1' });
    const seen: unknown[] = [];
    services.events.subscribe((event, payload) => seen.push([event, payload]));
    await services.dispatch('settings:set', { environment: 'test' });
    expect(seen).toEqual([['settings:changed', { language: 'de', environment: 'test' }]]);
  });
});
