// What a claim puts on the chain (ClaimCommitted), derived under the patient's salt so
// that nothing on the chain names the patient, a code or a day, and only the salt's
// holders can tie two commitments to each other or to the patient; erasure shreds the
// salt and the link with it. Specified in chaincode/README.md ("Claims"):
//   content  = HMAC-SHA-256(salt, canonical JSON of the FHIR Claim as stored)
//   service  = HMAC-SHA-256(salt, canonical JSON of
//              {"code":…,"date":…,"patientId":…,"provider":…,"system":…})
// The service commitment is the ClaimContract's duplicate-billing key: the same care
// billed again, to any payer, commits to the same value.
import type { ClaimCommittedV1 } from '@carechain/contracts';
import { canonicalJson, leafCommitment, toHex } from '@carechain/ledger-merkle';
import type { ParsedClaim, ParsedItem } from './claim-facts';
import type { DocumentingRecords } from './documenting-records.port';

const hmac = (salt: Uint8Array, value: unknown) => toHex(leafCommitment(Buffer.from(canonicalJson(value), 'utf8'), salt));

export function claimContentCommitment(salt: Uint8Array, fhirClaim: unknown): string {
  return hmac(salt, fhirClaim);
}

export function serviceCommitment(salt: Uint8Array, patientId: string, provider: string, item: Pick<ParsedItem, 'code' | 'serviceDate'>): string {
  return hmac(salt, { patientId, provider, system: item.code.system ?? '', code: item.code.code, date: item.serviceDate.slice(0, 10) });
}

/** The claimed total, in the decimal string the chain keeps (cents summed, no float). */
export function claimTotal(items: readonly ParsedItem[]): ClaimCommittedV1['total'] {
  const cents = items.reduce((sum, i) => sum + Math.round(i.quantity * i.unitPrice), 0);
  return { value: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, currency: items[0]?.currency ?? 'EUR' };
}

export interface ClaimCommitmentInput {
  readonly claimId: string;
  readonly patientId: string;
  readonly insurer: string;
  readonly submittedAt: Date;
  readonly parsed: ParsedClaim;
  readonly fhir: unknown;
  readonly salt: Uint8Array;
}

/** ClaimCommitted's data: per item its service commitment and the records event documenting it, if claims knows the record. */
export async function claimCommitted(c: ClaimCommitmentInput, documents: DocumentingRecords): Promise<ClaimCommittedV1> {
  const items = [];
  for (const item of c.parsed.items) {
    const documented = item.recordId === undefined ? undefined : await documents.find(item.recordId);
    items.push({
      sequence: item.sequence,
      serviceCommitment: serviceCommitment(c.salt, c.patientId, c.parsed.provider, item),
      // A record of another patient documents nothing of this one: the contract will refuse the item.
      documentingEventId: documented !== undefined && documented.patientId === c.patientId ? documented.eventId : null,
    });
  }
  return {
    claimId: c.claimId,
    patientId: c.patientId,
    provider: c.parsed.provider,
    insurer: c.insurer,
    submittedAt: c.submittedAt.toISOString(),
    contentCommitment: claimContentCommitment(c.salt, c.fhir),
    total: claimTotal(c.parsed.items),
    items,
  };
}
