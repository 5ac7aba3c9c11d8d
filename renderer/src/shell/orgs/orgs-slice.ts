import type { ChannelRequest } from '../../../../preload/contract/channels';
import type { CredentialsCheck } from '../../../../preload/contract/core/products';
import type { Organization } from '../../../../preload/contract/core/organizations';
import type { Result } from '../../../../preload/contract/core/result';
import { callBridge } from '../../bridge/call-bridge';
import type { SliceTools } from '../../state/store-types';

export interface OrgsState {
  /** null until orgs:list answered. */
  organizations: Organization[] | null;
}

export interface OrganizationInput {
  environment: 'test' | 'live';
  label: string;
  apiKey: string;
  /** Goes to main and is forgotten; the form clears its field after the call. */
  apiSecret: string;
}

export interface OrgsActions {
  loadOrgs(): Promise<void>;
  /** Resolves to the saved organization (as main describes it, without the secret), or null. */
  saveOrg(input: OrganizationInput): Promise<Organization | null>;
  /**
   * Checks a key and secret for any product by one login in main. The outcome goes to the caller (the
   * form shows it beside its button), not to the app's error notices; nothing is stored.
   */
  checkOrg(input: ChannelRequest<'orgs:check'>): Promise<Result<CredentialsCheck>>;
}

export const initialOrgsState: OrgsState = { organizations: null };

export function createOrgsSlice({ bridge, set, get, call }: SliceTools): OrgsActions {
  return {
    async loadOrgs() {
      const organizations = await call('loadOrgs', () => bridge.orgs.list());
      if (organizations) set({ organizations });
    },

    async saveOrg(input) {
      const saved = await call('saveOrg', () => bridge.orgs.save({ ...input }));
      if (!saved) return null;
      const others = (get().organizations ?? []).filter((organization) => organization.id !== saved.id);
      set({ organizations: [...others, saved] });
      return saved;
    },

    checkOrg(input) {
      return callBridge(() => bridge.orgs.check({ ...input }));
    },
  };
}
