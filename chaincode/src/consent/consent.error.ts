// Errors of the consent contract. The codes are the shared ones of
// @carechain/ledger-chaincode-api, leading the message as its clients expect.
import { ConsentErrorCode, refusalMessage } from '@carechain/ledger-chaincode-api';

export { ConsentErrorCode } from '@carechain/ledger-chaincode-api';

export class ConsentError extends Error {
  constructor(
    readonly code: ConsentErrorCode,
    detail: string,
  ) {
    super(refusalMessage(code, detail));
    this.name = 'ConsentError';
  }

  static invalid(detail: string): ConsentError {
    return new ConsentError(ConsentErrorCode.InvalidArgument, detail);
  }
}
