import { ApiError } from '../api-error';
import { API_VERSION } from '../ids';
import { metadataField } from '../metadata';
import type { ClientRecord, ClientState, SandboxState, TssRecord } from '../state';
import { MAX_REGISTERED_CLIENTS, registeredClientCount, tssDisabled } from './tss';

/**
 * The real ClientSerialNumber pattern (v2.2.1). DSFinV-K 2.3 forbids "/" and "_", but fiskaly's regex still
 * lets "/" through (and never allowed "_"); the sandbox answers as the regex does.
 */
export const CLIENT_SERIAL_PATTERN = "^(?!\\s)[A-Za-z0-9 '()+,-./:=?]{0,70}(?<!\\s)$";

export type ClientResource = Record<string, unknown> & { state: ClientState };

export const CLIENT_STATES: readonly ClientState[] = ['REGISTERED', 'DEREGISTERED'];
export const CLIENT_ORDER_BY = ['serial_number', 'time_creation'] as const;

/**
 * The client as the API shows it. createClient answers without time_update (as recorded); retrieve, list
 * and update always carry it (required there by the spec), time_creation until the first update.
 */
export function clientResource(client: ClientRecord, options: { created?: boolean } = {}): ClientResource {
  return {
    serial_number: client.serialNumber,
    state: client.state,
    tss_id: client.tssId,
    ...metadataField(client.metadata),
    _id: client.id,
    _type: 'CLIENT',
    _env: client.env,
    _version: API_VERSION,
    time_creation: client.timeCreation,
    ...(options.created ? {} : { time_update: client.timeUpdate ?? client.timeCreation }),
  };
}

/** Clients are registered on an INITIALIZED TSS only. */
export function assertTssTakesClients(tss: TssRecord): void {
  if (tss.state === 'DISABLED') throw tssDisabled();
  if (tss.state !== 'INITIALIZED') {
    throw new ApiError(400, 'E_TSS_NOT_INITIALIZED', `TSS must be in state INITIALIZED to register clients (current state: ${tss.state})`);
  }
}

export function assertRoomForClient(state: SandboxState, tss: TssRecord): void {
  if (registeredClientCount(state, tss.id) >= MAX_REGISTERED_CLIENTS) {
    throw new ApiError(
      403,
      'E_CLIENT_LIMIT_REACHED',
      `The TSS already has ${MAX_REGISTERED_CLIENTS} registered clients, its maximum: deregister a client first`,
    );
  }
}

export function assertSerialFree(state: SandboxState, tss: TssRecord, serialNumber: string): void {
  if (Object.values(state.clients).some((c) => c.tssId === tss.id && c.serialNumber === serialNumber)) {
    throw new ApiError(400, 'E_ILLEGAL_CLIENT_SERIAL', `A client with serial_number "${serialNumber}" already exists in this TSS: serial numbers must be unique per TSS`);
  }
}

export const clientConflict = (): ApiError =>
  new ApiError(409, 'E_CLIENT_CONFLICT', 'Client or pending request for this client_id already exists in the system (client_id must be unique system-wide)');
