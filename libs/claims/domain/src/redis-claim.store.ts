// ClaimStore over the Redis keys claimsProjection writes. What it reads back was
// written by the projection from validated events, so a value that does not parse
// is a corrupt read model (an error), never a client's mistake.
import { ClaimKeys, type ClaimPart } from './claims.projection';
import type { ClaimStore } from './claim-store.port';
import { isClaimStatus } from './claim-status';
import type { StoredClaim, StoredCoverage } from './stored-claim';

/** The Redis reads the store makes: ioredis's `Redis` has them, and specs fake them. */
export interface ClaimsRedis {
  get(key: string): Promise<string | null>;
  hget(key: string, field: string): Promise<string | null>;
  hmget(key: string, ...fields: string[]): Promise<(string | null)[]>;
  zrevrange(key: string, start: number, stop: number, withScores: 'WITHSCORES'): Promise<string[]>;
}

const PARTS: readonly ClaimPart[] = ['submission', 'status', 'updatedAt', 'adjudication', 'payment', 'appeal'];

function decodeClaim(claimId: string, values: readonly (string | null)[]): StoredClaim | undefined {
  const [submission, status, updatedAt, adjudication, payment, appeal] = values;
  // Transitions of a claim whose submission is not projected (an erased patient) are no claim.
  if (submission === null || status === null || updatedAt === null) return undefined;
  if (!isClaimStatus(status)) throw new Error(`claims read model: claim ${claimId} has an unknown status`);
  return {
    submission: JSON.parse(submission),
    status,
    updatedAt,
    ...(adjudication !== null && { adjudication: JSON.parse(adjudication) }),
    ...(payment !== null && { payment: JSON.parse(payment) }),
    ...(appeal !== null && { appeal: JSON.parse(appeal) }),
  };
}

export class RedisClaimStore implements ClaimStore {
  constructor(private readonly redis: ClaimsRedis) {}

  async patientOfClaim(claimId: string): Promise<string | undefined> {
    return (await this.redis.get(ClaimKeys.claim(claimId))) ?? undefined;
  }

  async claim(patientId: string, claimId: string): Promise<StoredClaim | undefined> {
    return (await this.claims(patientId, [claimId]))[0];
  }

  async claimsOfPatient(patientId: string): Promise<StoredClaim[]> {
    const ids = await this.ranked(ClaimKeys.claimIndex(patientId));
    return this.claims(patientId, ids);
  }

  claimIdsOf(role: 'insurer' | 'provider', organisation: string): Promise<string[]> {
    return this.ranked(ClaimKeys.byOrganisation(role, organisation));
  }

  async patientOfCoverage(coverageId: string): Promise<string | undefined> {
    return (await this.redis.get(ClaimKeys.coverage(coverageId))) ?? undefined;
  }

  async coverage(patientId: string, coverageId: string): Promise<StoredCoverage | undefined> {
    const value = await this.redis.hget(ClaimKeys.coverages(patientId), coverageId);
    return value === null ? undefined : JSON.parse(value);
  }

  async coveragesOf(patientId: string): Promise<StoredCoverage[]> {
    const ids = await this.ranked(ClaimKeys.coverageIndex(patientId));
    if (ids.length === 0) return [];
    const values = await this.redis.hmget(ClaimKeys.coverages(patientId), ...ids);
    return values.flatMap((value) => (value === null ? [] : [JSON.parse(value) as StoredCoverage]));
  }

  private async claims(patientId: string, claimIds: readonly string[]): Promise<StoredClaim[]> {
    if (claimIds.length === 0) return [];
    const fields = claimIds.flatMap((id) => PARTS.map((part) => ClaimKeys.field(id, part)));
    const values = await this.redis.hmget(ClaimKeys.claims(patientId), ...fields);
    return claimIds.flatMap((id, i) => {
      const claim = decodeClaim(id, values.slice(i * PARTS.length, (i + 1) * PARTS.length));
      return claim === undefined ? [] : [claim];
    });
  }

  private async ranked(key: string): Promise<string[]> {
    const flat = await this.redis.zrevrange(key, 0, -1, 'WITHSCORES');
    return flat.filter((_, i) => i % 2 === 0);
  }
}
