export { IV_BYTES, TAG_BYTES, type GcmBox } from './aes-gcm';
export { decodeBase64Url, encodeBase64Url } from './base64url';
export { blindIndex, commit } from './commitment';
export { CryptoError, CryptoErrorCode, isTransientCryptoError } from './crypto.error';
export { canonicalContext, type EncryptionContext, encryptionContextAad, MAX_CONTEXT_BYTES } from './encryption-context';
export { KEY_BYTES } from './key-material';
export { KEYRING_FORMAT, LOCAL_KEK_ID_PATTERN } from './keyring-format';
export { KEK_ID_PATTERN, type KeyManagementService, WRAPPED_SECRET_BYTES } from './kms.port';
export { LocalKeyringKms, type LocalKeyringOptions } from './local-keyring.kms';
export { PatientKeyRing } from './patient-key-ring';
export {
  generatePatientKeyVersion,
  patientSecretContext,
  type PatientKeyVersion,
  type PatientSecretUse,
  unwrapPatientKeyVersion,
  wrapPatientKeyVersion,
} from './patient-keys';
export { MAX_SEALED_BYTES, openBytes, openJson, sealBytes, sealJson } from './payload-cipher';
export { fromWrappedSecret, toWrappedSecret } from './wrapped-secret';
