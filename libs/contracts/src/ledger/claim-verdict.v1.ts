// The ClaimContract's outcome for one claim transition, published by the ledger-writer
// of the organisation that submitted it once the transaction is committed: accepted
// with the claim's status on the chain, or refused with the contract's code. The
// claims service waits for the verdict on a submission before the claim leaves
// `submitted`. Keyed by the patient id, like the claim event it answers.
import { z } from 'zod';

export const CLAIM_VERDICT_V1 = 'carechain.ledger.claim.verdict.v1';

export const claimVerdictV1Schema = z.object({
  claimId: z.uuid(),
  /** The claims event whose transition this is. */
  transitionId: z.uuid(),
  kind: z.enum(['submit', 'cancel', 'adjudicate', 'pay']),
  accepted: z.boolean(),
  /** The contract's refusal code (undocumented-service, duplicate-service, illegal-transition, wrong-organisation, …). */
  refusal: z.string().min(1).max(64).nullable(),
  detail: z.string().max(500).nullable(),
  /** The claim's status on the chain afterwards; null when the chain holds no such claim. */
  chainStatus: z.enum(['submitted', 'refused', 'cancelled', 'adjudicated', 'paid']).nullable(),
  mspId: z.string().min(1).max(128),
  txId: z.string().min(1).max(128),
});

export type ClaimVerdictV1 = Readonly<z.infer<typeof claimVerdictV1Schema>>;
