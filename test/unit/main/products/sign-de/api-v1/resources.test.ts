import { describe, expect, it } from 'vitest';
import { v1UrlBeside } from '../../../../../../main/products/sign-de/api-v1/base-url';
import { exportArchive, hasUstarMagic } from '../../../../../../main/products/sign-de/api-v1/export-archive';
import { V1ClientSchema, V1ExportSchema, V1TransactionSchema, V1TssSchema, v1ListOf } from '../../../../../../main/products/sign-de/api-v1/resources';

describe('V1 resources', () => {
  it('reads a V1 TSS as MEWS and XENTRAL parsed it, nulls and unknown states included', () => {
    const tss = V1TssSchema.parse({ _id: 't', _type: 'TSS', _env: 'LIVE', state: 'INITIALIZED', signature_counter: 5213, transaction_counter: '2590', time_disable: null, certificate: null });
    expect(tss).toMatchObject({ id: 't', env: 'LIVE', known: true, signatureCounter: '5213', transactionCounter: '2590', timeDisable: undefined, certificate: undefined });
    expect(V1TssSchema.parse({ _id: 't', state: 'CREATED' })).toMatchObject({ known: false, signatureCounter: null });
    expect(V1TssSchema.safeParse({ state: 'INITIALIZED' }).success).toBe(false);
  });

  it('reads a client without a state and keeps a serial V2 would refuse', () => {
    expect(V1ClientSchema.parse({ _id: 'c', tss_id: 't', serial_number: 'KASSE_01' })).toEqual({ id: 'c', env: undefined, tssId: 't', serialNumber: 'KASSE_01', timeCreation: undefined, timeUpdate: undefined });
  });

  it('takes the later of revision and latest_revision as the one to send next', () => {
    const tx = { _id: 'x', tss_id: 't', client_id: 'c', number: '7', state: 'ACTIVE' };
    expect(V1TransactionSchema.parse({ ...tx, revision: 1, latest_revision: 3 })).toMatchObject({ number: 7, revision: 1, latestRevision: 3 });
    expect(V1TransactionSchema.parse({ ...tx, revision: 2 })).toMatchObject({ latestRevision: 2 });
    expect(V1TransactionSchema.parse(tx)).toMatchObject({ revision: 1, latestRevision: 1 });
    expect(V1TransactionSchema.parse({ ...tx, log: { operation: 'Start', timestamp: 1, timestamp_format: 'utcTime' } }).log?.timestamp_format).toBe('utcTime');
  });

  it('reads an export with an href and a list with or without count', () => {
    expect(V1ExportSchema.parse({ _id: 'e', tss_id: 't', state: 'COMPLETED', href: '/x', time_end: null })).toMatchObject({ href: '/x', timeEnd: undefined });
    const list = v1ListOf(V1ClientSchema);
    expect(list.parse({ _type: 'CLIENT_LIST', data: [] })).toEqual({ items: [], count: null });
    expect(list.parse({ data: [], count: 4 }).count).toBe(4);
  });

  it('hashes an archive and recognizes a ustar header without requiring one', () => {
    const bytes = Buffer.from('abc');
    expect(exportArchive(bytes)).toMatchObject({ size: 3, looksLikeTar: false, sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' });
    const tar = Buffer.alloc(512);
    tar.write('ustar', 257, 'latin1');
    expect(hasUstarMagic(tar)).toBe(true);
  });
});

describe('V1 base URL', () => {
  it('sits beside the V2 base on the same host, and nothing else is taken for one', () => {
    expect(v1UrlBeside('http://127.0.0.1:4100/api/v2/')).toBe('http://127.0.0.1:4100/api/v1');
    expect(() => v1UrlBeside('http://127.0.0.1:4100/api/v1')).toThrow(/not a V2 base URL/);
  });
});
