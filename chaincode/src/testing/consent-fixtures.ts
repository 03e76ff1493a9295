// Valid consent contract arguments for the specs, with per-test overrides.
import type { RegisterGrantArgs } from '../consent/grant-arguments.parser';
import { hex64 } from './anchor-fixtures';

export const GRANT_ID = '0b9d6a52-7c1e-4f3a-9d2b-5e8f1a6c3b70';

/** Stand-ins for the HMACs the consent service computes; only their shape matters here. */
export const PATIENT_COMMITMENT = hex64('patient commitment');
export const SCOPE_COMMITMENT = hex64('scope commitment');

export function registerArgs(overrides: Partial<RegisterGrantArgs> = {}): RegisterGrantArgs {
  return {
    grantId: GRANT_ID,
    patientCommitment: PATIENT_COMMITMENT,
    scopeCommitment: SCOPE_COMMITMENT,
    granteeOrg: 'PayerOrg',
    validFrom: '2025-03-01T00:00:00.000Z',
    validUntil: '2025-06-01T00:00:00.000Z',
    sourceEventId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    ...overrides,
  };
}

/** The arguments in RegisterGrant's positional order. */
export function registerPositional(args: RegisterGrantArgs): [string, string, string, string, string, string, string] {
  return [args.grantId, args.patientCommitment, args.scopeCommitment, args.granteeOrg, args.validFrom, args.validUntil, args.sourceEventId];
}
