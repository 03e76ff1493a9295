// For this lib's own specs: the CryptoError code a synchronous action throws.
import { CryptoError, type CryptoErrorCode } from '../crypto.error';

export function codeOf(action: () => unknown): CryptoErrorCode | 'no error' {
  try {
    action();
  } catch (error) {
    if (error instanceof CryptoError) {
      return error.code;
    }
    throw error;
  }
  return 'no error';
}
