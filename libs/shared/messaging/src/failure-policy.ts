// What a consumer does when processing fails. A malformed message goes straight
// to the DLQ (it will not get better); an outage of a dependency is waited out
// without burning attempts (dead-lettering healthy messages because Redis blinked
// would lose them); anything else is retried a bounded number of times.
import { ContractError } from '@carechain/contracts';

/** Thrown (or wrapped) by handlers when a dependency is down: retry until it is back. */
export class TransientError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

export type FailureDecision =
  { readonly action: 'dead-letter'; readonly reason: string } | { readonly action: 'retry'; readonly delayMs: number; readonly countsAsAttempt: boolean };

export interface RetryPolicy {
  /** Attempts per message before it is dead-lettered. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

// Five attempts over ~3 s: long enough to ride out a hiccup, short enough that one
// bad message does not stall its partition noticeably.
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000 };

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function isTransient(error: unknown): boolean {
  if (error instanceof TransientError) return true;
  const e = error as { code?: unknown; name?: unknown; message?: unknown } | null;
  if (typeof e?.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  // ioredis reports a lost connection with these messages and no code.
  return typeof e?.message === 'string' && /Connection is closed|Stream isn't writeable|MaxRetriesPerRequestError/.test(e.message);
}

export function backoff(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

/** `attempt` is the number of the attempt that just failed (1-based). */
export function decideFailure(error: unknown, attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): FailureDecision {
  if (error instanceof ContractError) {
    return { action: 'dead-letter', reason: `contract: ${error.message}` };
  }
  if (isTransient(error)) {
    return { action: 'retry', delayMs: backoff(attempt, policy), countsAsAttempt: false };
  }
  if (attempt >= policy.maxAttempts) {
    return { action: 'dead-letter', reason: `processing failed ${attempt} times: ${errorMessage(error)}` };
  }
  return { action: 'retry', delayMs: backoff(attempt, policy), countsAsAttempt: true };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
