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
  /** Set where this TSS replaced a SIGN DE V1 TSS (a migration: a TSE swap, the tills unchanged). */
  replacedTse?: ReplacedTse;
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

/**
 * The old TSE a migration replaced: the V1 TSS, its decommissioning once its disable was read back, the V1
 * export kept in the store's folder, and per till its V1 client. The tills themselves are the record's tills:
 * the same EAS, now on the new TSE.
 */
export interface ReplacedTse {
  tssId: string;
  /** V1's `certificate_serial` (format VERIFY, reference §4.1); the old TSE's serial for ELSTER. */
  serialNumber?: string;
  /** V1 names none (reference §4.1); the technician may add it from the old TSE's papers. */
  bsiCertificationId?: string;
  /** Unix seconds, as V1 gives time_init. */
  timeInit?: number;
  /** Disabling the V1 TSS decommissions the old TSE: its Berlin date, once the disable is read back. */
  decommissioning?: Decommissioning;
  /** The full V1 export kept before the disable: its file name in the store's folder and SHA-256 (hex). */
  export?: { file: string; sha256: string };
  tills: ReplacedTseTill[];
}

export interface ReplacedTseTill {
  /** The till's V2 client id (StoreTill.clientId). */
  clientId: string;
  v1ClientId: string;
  /** V1's serial where a confirmed fix changed it (ELSTER then sees a new EAS). */
  v1SerialNumber?: string;
  /** ISO time the V1 client was made (time_creation): when the till started using the old TSE. */
  v1RegisteredAt?: string;
}
