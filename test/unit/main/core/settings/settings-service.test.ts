import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../../../main/core/durable/file-lock';
import { EventHub } from '../../../../../main/core/events';
import { openConfStore } from '../../../../../main/core/settings/key-value-store';
import { SettingsService } from '../../../../../main/core/settings/settings-service';
import { UNIFIED_API_VERSION } from '../../../../../preload/contract/core/products';
import { makeTempDir } from '../../../../support/temp-dir';

const onDisk = (dir: string) => JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;

/** Two services on one folder stand for two processes (the app and the CLI): each has its own store. */
describe('SettingsService on a shared data folder', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir('tss-settings-')));
  afterEach(() => dir.remove());

  const service = () => new SettingsService(openConfStore('settings', dir.path), new EventHub());

  it('a write waits for the cross-process lock; get() shows it at once, the file once the lock is free', async () => {
    const settings = service();
    await settings.save({ language: 'en' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = withFileLock(join(dir.path, 'settings.json'), () => held); // "another process" holds it
    await new Promise((resolve) => setTimeout(resolve, 20));
    const saving = settings.save({ language: 'de' });
    expect(settings.get().language).toBe('de');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onDisk(dir.path).language).toBe('en');
    release();
    await holder;
    expect(await saving).toMatchObject({ language: 'de' });
    expect(onDisk(dir.path).language).toBe('de');
  });

  it('what another writer set meanwhile stays, and each sees the other’s change', async () => {
    const app = service();
    const cli = service();
    expect(app.get()).toEqual({ language: 'de', environment: 'sandbox' });
    await Promise.all([app.save({ language: 'en' }), cli.save({ environment: 'test' })]);
    expect(onDisk(dir.path)).toMatchObject({ language: 'en', environment: 'test' });
    expect(app.get()).toEqual({ language: 'en', environment: 'test' });
    expect(cli.get()).toEqual({ language: 'en', environment: 'test' });
  });

  it('a failed write is reported by save(), and get() goes back to what is on disk', async () => {
    const settings = service();
    await settings.save({ language: 'en' });
    const store = openConfStore('settings', dir.path);
    const broken = new SettingsService({ path: store.path, get: (k) => store.get(k), set: () => { throw new Error('disk full'); } }, new EventHub());
    await expect(broken.save({ language: 'de' })).rejects.toThrow('disk full');
    expect(broken.get().language).toBe('en');
  });

  it('the Unified API version is the documents’ unless set; a hand-edited bad one falls back', async () => {
    const settings = service();
    expect(settings.unifiedApiVersion()).toBe(UNIFIED_API_VERSION);
    await settings.save({ unifiedApiVersion: '2027-01-15' });
    expect(service().get()).toMatchObject({ unifiedApiVersion: '2027-01-15' });
    expect(service().unifiedApiVersion()).toBe('2027-01-15');
    expect(() => settings.set({ unifiedApiVersion: 'latest' })).toThrow();
    openConfStore('settings', dir.path).set('unifiedApiVersion', 'latest');
    expect(service().get()).toEqual({ language: 'de', environment: 'sandbox' });
    expect(service().unifiedApiVersion()).toBe(UNIFIED_API_VERSION);
  });
});
