// Valid consent contract arguments for the specs, with per-test overrides.
import type { RegisterGrantArgs } from '../consent/grant-arguments.parser';
import { hex64 } from './anchor-fixtures';

/** Stand-ins for the HMACs ledger-writer computes under a patient's salt; only their shape matters here. */
export const GRANT_KEY = hex64('grant key');
export const PATIENT_COMMITMENT = hex64('patient commitment');
export const SCOPE_COMMITMENT = hex64('scope commitment');
export const GRANTEE_COMMITMENT = hex64('grantee commitment');
export const EVENT_COMMITMENT = hex64('registering event commitment');

/** What a grant record keeps of registerArgs() as given: its key, commitments and the start of its window. */
export const REGISTERED_GRANT = {
  grantKey: GRANT_KEY,
  patientCommitment: PATIENT_COMMITMENT,
  scopeCommitment: SCOPE_COMMITMENT,
  granteeCommitment: GRANTEE_COMMITMENT,
  validFrom: '2025-03-01T00:00:00.000Z',
} as const;

export function registerArgs(overrides: Partial<RegisterGrantArgs> = {}): RegisterGrantArgs {
  return {
    ...REGISTERED_GRANT,
    validUntil: '2025-06-01T00:00:00.000Z',
    eventCommitment: EVENT_COMMITMENT,
    ...overrides,
  };
}

/** The arguments in RegisterGrant's positional order. */
export function registerPositional(args: RegisterGrantArgs): [string, string, string, string, string, string, string] {
  return [args.grantKey, args.patientCommitment, args.scopeCommitment, args.granteeCommitment, args.validFrom, args.validUntil, args.eventCommitment];
}
