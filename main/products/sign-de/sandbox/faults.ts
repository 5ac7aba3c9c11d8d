import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './api-error';
import { type FaultSettings, FaultOptions } from './options';

/** mulberry32: a small seeded generator, so the same seed gives the same faults in the same order. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SERVER_ERRORS = [
  [500, 'E_INTERNAL', 'Internal Server Error (injected by the sandbox)'],
  [502, 'ERROR_IDENTIFY_ERS', 'Bad Gateway (injected by the sandbox)'],
  [503, 'E_TSS_LOCKED', 'The TSS is temporarily locked (injected by the sandbox)'],
] as const;

/** Latency, 5xx, 429, 444, dropped and hung requests on demand: the field's bad days, reproducibly. */
export class FaultInjector {
  private settings: FaultSettings;
  private random: () => number;
  private readonly hung = new Set<Socket>();
  readonly counts = { delayed: 0, errors: 0, rateLimited: 0, pending: 0, dropped: 0, hung: 0 };

  constructor(
    initial: FaultSettings,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {
    this.settings = initial;
    this.random = seeded(initial.seed);
  }

  get current(): FaultSettings {
    return this.settings;
  }

  /** Replaces the settings (unknown keys keep their defaults) and restarts the dice from the seed. */
  configure(input: unknown): FaultSettings {
    const settings = FaultOptions.parse(input);
    this.settings = settings;
    this.random = seeded(settings.seed);
    return settings;
  }

  /** Runs before a request is handled; returns false when the fault has answered (or dropped) it. */
  async beforeRequest(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const s = this.settings;
    if (s.pathPrefix !== undefined && !request.url.startsWith(s.pathPrefix)) return true;
    if (s.latencyMs > 0 || s.jitterMs > 0) {
      this.counts.delayed++;
      await this.sleep(s.latencyMs + Math.floor(this.random() * (s.jitterMs + 1)));
    }
    const roll = this.random();
    let edge = s.dropRate;
    if (roll < edge) {
      this.counts.dropped++;
      request.raw.socket.destroy();
      return false;
    }
    edge += s.hangRate;
    if (roll < edge) {
      this.counts.hung++;
      const socket = request.raw.socket;
      this.hung.add(socket);
      socket.once('close', () => this.hung.delete(socket));
      return false;
    }
    edge += s.rateLimitRate;
    if (roll < edge) {
      this.counts.rateLimited++;
      void reply
        .code(429)
        .header('Retry-After', String(s.retryAfterSeconds))
        .send(errorBody(429, 'E_TOO_MANY_REQUESTS', 'Too Many Requests (injected by the sandbox)'));
      return false;
    }
    edge += s.pendingRate;
    if (roll < edge) {
      this.counts.pending++;
      void reply
        .code(444)
        .send(errorBody(444, 'E_MIDDLEWARE_PENDING_REQUEST', 'An earlier request on this resource is still pending (injected by the sandbox)'));
      return false;
    }
    edge += s.errorRate;
    if (roll < edge) {
      this.counts.errors++;
      const [status, code, message] = SERVER_ERRORS[Math.floor(this.random() * SERVER_ERRORS.length)]!;
      void reply.code(status).header('Retry-After', '1').send(errorBody(status, code, message));
      return false;
    }
    return true;
  }

  /** Hung requests never end on their own; closing the sandbox ends them. */
  releaseHung(): void {
    for (const socket of this.hung) socket.destroy();
    this.hung.clear();
  }
}
