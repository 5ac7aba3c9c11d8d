import { ApiError } from '../api-error';

/** §2/§4.5: every 401 of V1 has no `code` (MEWS ErrorResult.cs). */
export const v1Unauthorized = (message = 'Unauthorized'): ApiError => new ApiError(401, undefined, message);
