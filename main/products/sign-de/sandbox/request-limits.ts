import { ApiError } from './api-error';

const WINDOW_SECONDS = 60;

/**
 * Per-resource request budgets over a sliding minute, as the real API counts them: a request over the
 * budget is answered 429 with Retry-After (the seconds until the oldest counted request leaves the
 * window) and is not counted itself. Times come from the sandbox clock, so tests can move them.
 */
export class RequestLimits {
  private readonly seen = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** Counts one request on `key`, or throws 429 when `perMinute` were already made in the last minute. */
  take(key: string, perMinute: number, what: string): void {
    const now = this.now();
    const times = (this.seen.get(key) ?? []).filter((t) => t > now - WINDOW_SECONDS);
    if (times.length >= perMinute) {
      this.seen.set(key, times);
      const retryAfter = Math.max(1, times[0]! + WINDOW_SECONDS - now);
      throw new ApiError(429, 'E_TOO_MANY_REQUESTS', `${what} is limited to ${perMinute} requests a minute: retry after ${retryAfter} s`, {
        'Retry-After': String(retryAfter),
      });
    }
    times.push(now);
    this.seen.set(key, times);
  }

  clear(): void {
    this.seen.clear();
  }
}

/**
 * The resource a state-changing request works on, for 444 E_MIDDLEWARE_PENDING_REQUEST: the TSS, or the
 * client, transaction or export below it (sub-paths such as /admin or /metadata count as their resource).
 */
export function pendingResourceKey(method: string, url: string): string | null {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  const path = url.split('?')[0]!.toLowerCase();
  const match = /^\/api\/v2\/tss\/([^/]+)(?:\/(client|tx|export)\/([^/]+))?/.exec(path);
  if (!match) return null;
  return match[2] ? `${match[1]}/${match[2]}/${match[3]}` : match[1]!;
}
