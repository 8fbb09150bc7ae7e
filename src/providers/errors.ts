import type { DeclineCode, ErrorCode } from '../domain/codes.js';

/** The one error type providers reject with. The wizard shows a message per `code`. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly declineCode: DeclineCode | undefined;

  constructor(code: ErrorCode, options: { retryable?: boolean; retryAfterMs?: number; declineCode?: DeclineCode; message?: string; cause?: unknown } = {}) {
    super(options.message ?? code, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.retryAfterMs = options.retryAfterMs;
    this.declineCode = options.declineCode;
  }
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set(['network', 'timeout', 'server', 'rate-limited', 'malformed-response', 'unknown']);
