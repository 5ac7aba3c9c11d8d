import type { z } from 'zod';
import { StorePlan } from '../../../../preload/contract/sign-de/store-plan';

export { CLIENT_SERIAL_PATTERN, MAX_CLIENTS, MIN_PIN_LENGTH, TSS_DESCRIPTION_PATTERN } from '../../../../preload/contract/sign-de/store-rules';
export { StorePlan, type StorePlanInput } from '../../../../preload/contract/sign-de/store-plan';

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'plan'}: ${issue.message}`)
    .join('; ');

export function parseStorePlan(input: unknown): StorePlan {
  const parsed = StorePlan.safeParse(input);
  if (!parsed.success) throw new PlanError(`The store plan is not valid: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
