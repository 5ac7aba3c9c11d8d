import type { EnvironmentId } from '../core/settings';
import type { Decommissioning, StoreMasterData, TillDetails } from './master-data';

/**
 * What this laptop keeps of a store it set up (one per TSS, no secrets): its master data, its tills with
 * their fiskaly client ids, its TSE and every notifiable change. The handover is made from it, anew after
 * each change (a till added or deregistered, the address changed, the TSS disabled).
 */
export interface StoreRecord {
  tssId: string;
  storeName: string;
  environment: EnvironmentId;
  organizationId?: string;
  /** Null for a sandbox store set up without it (and for stores set up before it existed). */
  masterData: StoreMasterData | null;
  tss: {
    serialNumber?: string;
    bsiCertificationId?: string;
    /** Unix seconds, as fiskaly gives time_init. */
    timeInit?: number;
    /** Disabling the TSS decommissions the TSE: when and why. */
    decommissioning?: Decommissioning;
  };
  tills: StoreTill[];
  /** The commissioning test postings (a real transaction in TEST and LIVE, documented for the store). */
  testPostings: TestPosting[];
  /** Notifiable changes, oldest first. */
  changes: Array<{ at: string; what: 'commissioned' | 'tills-added' | 'address-changed' | 'till-deregistered' | 'tss-disabled'; detail?: string }>;
}

export interface StoreTill extends TillDetails {
  serialNumber: string;
  clientId: string;
  /** ISO time the client was registered at fiskaly (time_creation), where known: its TSE activation. */
  registeredAt?: string;
  decommissioning?: Decommissioning;
}

export interface TestPosting {
  transactionNumber: number;
  signatureCounter?: string;
  clientSerialNumber: string;
  /** ISO time of the transaction's end. */
  time: string;
  environment: EnvironmentId;
}

/** A till serial another store on this laptop already has (serials differing only in case are the same). */
export interface DuplicateSerial {
  serialNumber: string;
  usedBy: Array<{ storeName: string; environment: EnvironmentId }>;
}

/** The three files of a handover, saved together. */
export interface HandoverFiles {
  pdf: { path: string; bytes: number };
  json: { path: string; bytes: number };
  xml: { path: string; bytes: number };
}
