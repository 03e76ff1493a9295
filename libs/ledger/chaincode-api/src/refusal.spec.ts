import { AnchorErrorCode } from './anchor-error-code';
import { ConsentErrorCode } from './consent-error-code';
import { refusalIn, refusalMessage } from './refusal';

describe('refusals', () => {
  it('finds the code a contract led its message with, inside the gateway’s wrapping', () => {
    const wrapped = `10 ABORTED: failed to endorse transaction | chaincode response 500, ${refusalMessage(ConsentErrorCode.AlreadyRevoked, 'grant x was revoked')}`;
    expect(refusalIn(wrapped, [ConsentErrorCode.AlreadyExpired, ConsentErrorCode.AlreadyRevoked])).toBe(ConsentErrorCode.AlreadyRevoked);
  });

  it('does not take a code named in passing, without its colon, or a longer code that ends like it', () => {
    expect(refusalIn('retrying after BATCH_EXISTS was logged', [AnchorErrorCode.BatchExists])).toBeUndefined();
    expect(refusalIn('NOT_BATCH_EXISTS: no', [AnchorErrorCode.BatchExists])).toBeUndefined();
    expect(refusalIn('INVALID_ARGUMENT: grantKey must be 64 lowercase hex characters', [ConsentErrorCode.GrantExists])).toBeUndefined();
  });
});
