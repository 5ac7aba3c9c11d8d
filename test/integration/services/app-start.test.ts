import { afterEach, describe, expect, it } from 'vitest';
import { startChannels } from '../../../preload/contract';
import { createServices } from '../../../main/services';
import { makeTempDir } from '../../support/temp-dir';

describe('app:start', () => {
  const dir = makeTempDir('tss-start-');
  const services = createServices({ dataDir: dir.path, version: '1' });
  afterEach(async () => {
    await services.close();
    dir.remove();
  });

  it('answers the first screen’s reads in one call, each exactly as its own channel does', async () => {
    const batch = await services.dispatch('app:start', undefined);
    expect(batch.ok).toBe(true);
    const answers = (batch as { value: Record<string, unknown> }).value;
    expect(Object.keys(answers).sort()).toEqual([...startChannels].sort());
    for (const channel of startChannels) expect(answers[channel], channel).toEqual(await services.dispatch(channel, undefined));
  });
});
