// Errors of the anchor contract. The codes are the shared ones of
// @carechain/ledger-chaincode-api, leading the message as its clients expect.
import { AnchorErrorCode, refusalMessage } from '@carechain/ledger-chaincode-api';

export { AnchorErrorCode } from '@carechain/ledger-chaincode-api';

export class AnchorError extends Error {
  constructor(
    readonly code: AnchorErrorCode,
    detail: string,
  ) {
    super(refusalMessage(code, detail));
    this.name = 'AnchorError';
  }

  static invalid(detail: string): AnchorError {
    return new AnchorError(AnchorErrorCode.InvalidArgument, detail);
  }
}
