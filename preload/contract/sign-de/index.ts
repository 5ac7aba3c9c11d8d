/** SIGN DE's part of the bridge contract: store plans, runs, PUK recovery, the store overview and test receipts. */
export * from './channels';
export * from './events';
export * from './file-names';
export * from './german-format';
export * from './handover';
export * from './known-tss';
export * from './master-data';
export * from './provisioning-steps';
export * from './receipt';
export * from './runs';
export * from './schemas';
export * from './stale-transactions';
export * from './store-plan';
export * from './store-record';
export * from './store-rules';
export * from './tax-number';
export * from './tss';
