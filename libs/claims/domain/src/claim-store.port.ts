// The read side of the claims read model, as the use cases need it. One real
// adapter (RedisClaimStore); specs run it over an in-memory Redis.
import type { StoredClaim, StoredCoverage } from './stored-claim';

export interface ClaimStore {
  /** The patient a claim belongs to, or undefined for a claim never submitted. */
  patientOfClaim(claimId: string): Promise<string | undefined>;
  claim(patientId: string, claimId: string): Promise<StoredClaim | undefined>;
  /** The patient's claims, newest first. */
  claimsOfPatient(patientId: string): Promise<StoredClaim[]>;
  /** The ids of the claims an organisation submitted or was sent, newest first. */
  claimIdsOf(role: 'insurer' | 'provider', organisation: string): Promise<string[]>;
  patientOfCoverage(coverageId: string): Promise<string | undefined>;
  coverage(patientId: string, coverageId: string): Promise<StoredCoverage | undefined>;
  coveragesOf(patientId: string): Promise<StoredCoverage[]>;
}
