// The one error the claim contract throws: a batch that does not parse. Refusals of
// single transitions are outcomes, not errors (ClaimRefusalCode), so one bad claim
// never fails the rest of its batch.
import { CLAIM_INVALID_ARGUMENT, refusalMessage } from '@carechain/ledger-chaincode-api';

export class ClaimBatchError extends Error {
  constructor(detail: string) {
    super(refusalMessage(CLAIM_INVALID_ARGUMENT, detail));
    this.name = 'ClaimBatchError';
  }
}
