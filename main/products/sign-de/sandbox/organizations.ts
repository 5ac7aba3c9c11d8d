import type { OrganizationRecord } from './state';

/**
 * The organization every sandbox has unless told otherwise. Its credentials are public on purpose
 * (README): the sandbox signs training receipts only.
 */
export const DEFAULT_ORGANIZATION: OrganizationRecord = {
  id: '9f5c3b7e-1d2a-4c8b-9e6f-0a1b2c3d4e5f',
  name: 'Sandbox Test Organization',
  env: 'TEST',
  apiKey: 'test_sandbox_api_key',
  apiSecret: 'test_sandbox_api_secret',
};
