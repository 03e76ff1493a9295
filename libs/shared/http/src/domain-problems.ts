// Each domain has one error class with an enum of codes (IdentityError, ConsentError,
// RecordsError, …). A service maps them to HTTP in one place: a DomainProblems per
// error class, registered by the service definition and applied by the one global
// problem-details filter, so use cases throw domain errors and controllers never
// build problems. Every code gets a stable problem type
// (https://carechain.dev/problems/<domain>/<code>), except that every 403 is the one
// type `forbidden`: a client tells "not allowed" apart by one URI, whichever service
// or layer refused.
import type { Problem } from './problem';
import { FORBIDDEN_TYPE, problemType } from './problem-type';

export { FORBIDDEN_TYPE } from './problem-type';

export interface CodedError extends Error {
  readonly code: string;
}

export interface DomainProblems<E extends CodedError = CodedError> {
  /** The type URI's path segment: identity, consent, records, … */
  readonly domain: string;
  readonly errorClass: abstract new (...args: never[]) => E;
  /** The HTTP status of every code: a total record, so a new code fails the typecheck until it has one. */
  readonly status: Readonly<Record<E['code'], number>>;
  /** Members the problem document adds for this error (a denial's reason, a resource's issues). */
  extensions?(error: E): Record<string, unknown>;
}

/** Declares a domain's mapping with its error type inferred. */
export function domainProblems<E extends CodedError>(mapping: DomainProblems<E>): DomainProblems<E> {
  return mapping;
}

export function domainProblemType(domain: string, code: string, status: number): string {
  return status === 403 ? FORBIDDEN_TYPE : problemType(`${domain}/${code}`);
}

/** The problem document of `error` under the first mapping whose class it is, or undefined. */
export function domainProblemOf(mappings: readonly DomainProblems[], error: unknown): Problem | undefined {
  for (const mapping of mappings) {
    if (!(error instanceof mapping.errorClass)) continue;
    const status = (mapping.status as Record<string, number>)[error.code] ?? 500;
    return {
      type: domainProblemType(mapping.domain, error.code, status),
      title: error.code.replace(/[-_]/g, ' '),
      status,
      detail: error.message,
      ...mapping.extensions?.(error),
    };
  }
  return undefined;
}

/** Every problem type a mapping can produce, with its status: for the README's table and its check. */
export function problemTypesOf(mapping: DomainProblems): { type: string; status: number; code: string }[] {
  return Object.entries(mapping.status as Record<string, number>).map(([code, status]) => ({
    type: domainProblemType(mapping.domain, code, status),
    status,
    code,
  }));
}
