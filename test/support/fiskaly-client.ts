import { FiskalyClient, type Timeouts } from '../../main/products/sign-de/api/client';
import type { HttpCall } from '../../main/products/sign-de/api/http';
import { DEFAULT_ORGANIZATION } from '../../main/products/sign-de/sandbox/organizations';
import type { Sandbox } from '../../main/products/sign-de/sandbox/server';

export interface RecordedAttempt {
  method: string;
  path: string;
  outcome: number | 'network';
}

/** The app's real client against a sandbox, with every try recorded and waits shortened (not skipped). */
export function clientFor(sandbox: Sandbox, options: { apiKey?: string; apiSecret?: string; now?: () => number; attempts?: number; timeouts?: Partial<Timeouts> } = {}) {
  const attempts: RecordedAttempt[] = [];
  const waits: number[] = [];
  const client = new FiskalyClient({
    baseUrl: sandbox.url,
    credentials: { apiKey: options.apiKey ?? DEFAULT_ORGANIZATION.apiKey, apiSecret: options.apiSecret ?? DEFAULT_ORGANIZATION.apiSecret },
    now: options.now,
    timeouts: options.timeouts,
    retry: { attempts: options.attempts ?? 8, baseDelayMs: 5, maxDelayMs: 40 },
    sleep: async (ms) => {
      waits.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)));
    },
    onAttempt: (call: HttpCall, _attempt, outcome) => attempts.push({ method: call.method, path: call.path.split('?')[0]!, outcome }),
  });
  return { client, attempts, waits };
}
