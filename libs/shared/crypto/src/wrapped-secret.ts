// Between the contract's WrappedSecret (base64url strings) and GCM's three byte
// fields. Shared by every adapter whose KMS does raw AES-256-GCM, so each one
// validates a wrapped value the same strict way before it reaches the KMS.
import type { WrappedSecret } from '@carechain/contracts';
import { type GcmBox, IV_BYTES, TAG_BYTES } from './aes-gcm';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { KEK_ID_PATTERN, WRAPPED_SECRET_BYTES } from './kms.port';

export function toWrappedSecret(kekId: string, box: GcmBox): WrappedSecret {
  if (!KEK_ID_PATTERN.test(kekId)) {
    throw new CryptoError(CryptoErrorCode.BadInput, 'kekId does not match the contract pattern');
  }
  return { alg: 'A256GCM', kekId, iv: encodeBase64Url(box.iv), ct: encodeBase64Url(box.ct), tag: encodeBase64Url(box.tag) };
}

/** The GCM fields of `wrapped`, or BadInput if it is not a well-formed WrappedSecret. */
export function fromWrappedSecret(wrapped: WrappedSecret): GcmBox {
  if (typeof wrapped !== 'object' || wrapped === null || wrapped.alg !== 'A256GCM') {
    throw new CryptoError(CryptoErrorCode.BadInput, 'wrapped secret must be an A256GCM WrappedSecret');
  }
  if (typeof wrapped.kekId !== 'string' || !KEK_ID_PATTERN.test(wrapped.kekId)) {
    throw new CryptoError(CryptoErrorCode.BadInput, 'wrapped secret has no valid kekId');
  }
  return {
    iv: decodeBase64Url(wrapped.iv, 'iv', IV_BYTES),
    ct: decodeBase64Url(wrapped.ct, 'ct', WRAPPED_SECRET_BYTES),
    tag: decodeBase64Url(wrapped.tag, 'tag', TAG_BYTES),
  };
}
