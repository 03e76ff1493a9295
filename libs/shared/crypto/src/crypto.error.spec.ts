import { CryptoError, CryptoErrorCode, isTransientCryptoError } from './crypto.error';

describe('CryptoError', () => {
  it('carries its code in the message and as a property', () => {
    const error = new CryptoError(CryptoErrorCode.UnknownKek, 'no KEK local:kek-9-00000000');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CryptoError');
    expect(error.code).toBe('unknown_kek');
    expect(error.message).toBe('unknown_kek: no KEK local:kek-9-00000000');
  });

  it('calls only the states that may clear up by themselves transient', () => {
    const transient = Object.values(CryptoErrorCode).filter(isTransientCryptoError);
    expect(transient.sort()).toEqual([CryptoErrorCode.KeyNotLoaded, CryptoErrorCode.KmsUnavailable, CryptoErrorCode.UnknownKeyVersion].sort());
    expect(new CryptoError(CryptoErrorCode.KmsUnavailable, 'throttled').transient).toBe(true);
    expect(new CryptoError(CryptoErrorCode.KeyShredded, 'gone').transient).toBe(false);
  });

  it('fails loudly on a code it does not know', () => {
    expect(() => isTransientCryptoError('made_up' as CryptoErrorCode)).toThrow('unhandled crypto error code: made_up');
  });
});
