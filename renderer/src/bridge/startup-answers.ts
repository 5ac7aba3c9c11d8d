import type { CompanionApi } from '../../../preload/contract/api';
import { type StartAnswers, type StartChannel, startChannels } from '../../../preload/contract/channels';
import type { Result } from '../../../preload/contract/core/result';

/**
 * The bridge, with the first screen's reads (app info, settings, the vault, organizations, runs, known TSS)
 * answered by one `app:start` round trip instead of one each (the preload asked for it before this code
 * ran): the first call of each such read, made while that answer is on its way, takes its answer from it;
 * every other call (a retry, a reload, a read first made later) goes to main as before, so no answer is
 * used stale. Should `app:start` fail as a whole, each read falls back to its own call.
 */
export function withStartupAnswers(bridge: CompanionApi): CompanionApi {
  let batch: Promise<Result<StartAnswers>> | null = null;
  let settled = false;
  const taken = new Set<StartChannel>();
  const areas: Record<string, Record<string, unknown>> = {};
  for (const channel of startChannels) {
    const [area, verb] = channel.split(':') as [keyof CompanionApi & string, string];
    const original = (bridge[area] as unknown as Record<string, () => Promise<Result<unknown>>>)[verb]!;
    areas[area] ??= { ...(bridge[area] as object) };
    areas[area][verb] = async (...args: unknown[]) => {
      if (taken.has(channel) || settled || args[0] !== undefined) return original(...(args as []));
      taken.add(channel);
      batch ??= bridge.app
        .start()
        .catch(() => ({ ok: false, error: { code: 'E_START', message: '' } }) as const)
        .finally(() => {
          settled = true;
        });
      const answers = await batch;
      return answers.ok ? answers.value[channel] : original();
    };
  }
  return { ...bridge, ...areas } as CompanionApi;
}
