import type { FastifyInstance } from 'fastify';
import { ApiError } from '../api-error';
import type { SandboxContext } from '../context';
import { V1Options } from './options';

/**
 * /_sandbox/v1: V1's strict modes and fault switches (not part of the fiskaly API). PUT replaces them all
 * (keys left out take their defaults, unknown keys are refused), as PUT /_sandbox/faults does.
 */
export function v1ControlRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/_sandbox/v1', async () => ctx.options.v1);
  app.put('/_sandbox/v1', { bodyLimit: 16_384 }, async (request) => {
    const parsed = V1Options.safeParse(request.body ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
        .join('; ');
      throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', detail.slice(0, 500));
    }
    ctx.options.v1 = parsed.data;
    return ctx.options.v1;
  });
}
