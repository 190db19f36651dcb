import { STATUS_CODES } from 'node:http';

/** The Management API error envelope (auth0-api.md §5); `errorCode` is absent on some real errors. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message?: string;
  errorCode?: string;
  attributes?: Record<string, string>;
}

/** Thrown by route handlers; the server turns it into the envelope. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;
  readonly headers: Record<string, string>;
  constructor(status: number, message: string | undefined, errorCode?: string, headers: Record<string, string> = {}) {
    super(message ?? STATUS_CODES[status] ?? 'error');
    this.name = 'ApiError';
    this.status = status;
    this.body = envelope(status, message, errorCode);
    this.headers = headers;
  }
}

export function envelope(status: number, message: string | undefined, errorCode?: string): ApiErrorBody {
  const body: ApiErrorBody = { statusCode: status, error: STATUS_CODES[status] ?? 'Error' };
  if (message !== undefined) body.message = message;
  if (errorCode !== undefined) body.errorCode = errorCode;
  return body;
}

export function queryError(detail: string, property: string, description: string): ApiError {
  return new ApiError(400, `Query validation error: '${detail}' on property ${property} (${description}).`, 'invalid_query_string');
}

export function notFound(message: string, errorCode?: string): ApiError {
  return new ApiError(404, message, errorCode);
}
