/** A provisioning run's steps, in order: the engine runs them, the wizard shows them. */
export const STEP_NAMES = [
  'auth',
  'create-tss',
  'store-puk',
  'deploy',
  'store-pin',
  'set-pin',
  'admin-login',
  'initialize',
  'clients',
  'admin-logout',
  'test-transaction',
  'receipt-check',
] as const;
export type StepName = (typeof STEP_NAMES)[number];
