import type { ChannelResponse } from '../../../preload/contract/channels';

/** What a test receipt shows, as receipt:get gives it (the renderer never imports main's modules). */
export type ReceiptModel = ChannelResponse<'receipt:get'>;
export type ReceiptCheck = ChannelResponse<'receipt:verify'>['checks'][number];
