/** A V1 transaction upsert's body [MEWS RequestCreator.cs, XENTRAL, ODOO, SDK-V1]. */
export interface V1TransactionBody {
  state: 'ACTIVE' | 'FINISHED' | 'CANCELLED';
  client_id: string;
  schema?: { standard_v1: { receipt: { receipt_type: string; amounts_per_vat_rate: { vat_rate: string; amount: string }[] } } };
}

/**
 * Closing an open V1 transaction, as ODOO sent it on V1 (and V2): state CANCELLED, a CANCELLATION receipt
 * with no amounts [ODOO pos_store.js]. VERIFY: V2 refuses an end without amounts (E_TX_NO_TYPE_DEFINED,
 * hence V2's zero amount in store/stale-transactions.ts); whether V1 accepted the empty list is taken from
 * ODOO's production code only.
 */
export function v1CancellationBody(clientId: string): V1TransactionBody {
  return {
    state: 'CANCELLED',
    client_id: clientId,
    schema: { standard_v1: { receipt: { receipt_type: 'CANCELLATION', amounts_per_vat_rate: [] } } },
  };
}
