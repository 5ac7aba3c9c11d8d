import type { Timeouts } from '../../main/products/sign-de/api/client';
import type { HttpCall } from '../../main/products/sign-de/api/http';
import { v1UrlBeside } from '../../main/products/sign-de/api-v1/base-url';
import { FiskalyV1Client } from '../../main/products/sign-de/api-v1/client';
import { DEFAULT_ORGANIZATION } from '../../main/products/sign-de/sandbox/organizations';
import type { Sandbox } from '../../main/products/sign-de/sandbox/server';
import type { RecordedAttempt } from './fiskaly-client';

/** The app's real V1 client against a sandbox's /api/v1, with every try recorded and waits shortened (not skipped). */
export function v1ClientFor(sandbox: Sandbox, options: { apiKey?: string; apiSecret?: string; now?: () => number; attempts?: number; timeouts?: Partial<Timeouts> } = {}) {
  const attempts: RecordedAttempt[] = [];
  const waits: number[] = [];
  const client = new FiskalyV1Client({
    baseUrl: v1UrlBeside(sandbox.url),
    credentials: { apiKey: options.apiKey ?? DEFAULT_ORGANIZATION.apiKey, apiSecret: options.apiSecret ?? DEFAULT_ORGANIZATION.apiSecret },
    now: options.now,
    timeouts: options.timeouts,
    direct: true,
    retry: { attempts: options.attempts ?? 8, baseDelayMs: 5, maxDelayMs: 40 },
    sleep: async (ms) => {
      waits.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)));
    },
    onAttempt: (call: HttpCall, _attempt, outcome) => attempts.push({ method: call.method, path: call.path.split('?')[0]!, outcome }),
  });
  return { client, attempts, waits };
}
