// Today's CommitmentSaltProvider: one service-wide key for every subject. Commitments
// are already unlinkable for anyone without the key, but erasure cannot shred a
// single patient's trail; the per-patient provider (identity's key store) replaces
// this one behind the same port without touching anchoring or verification.
import { type CommitmentSalt, type CommitmentSaltProvider, KEY_VERSION_PATTERN, MIN_SALT_BYTES } from './commitment-salt.port';
import { MerkleError, MerkleErrorCode } from './merkle.error';

export class StaticSaltProvider implements CommitmentSaltProvider {
  private readonly key: Buffer;

  constructor(
    key: Uint8Array,
    private readonly keyVersion: string,
  ) {
    if (key.length < MIN_SALT_BYTES) {
      throw new MerkleError(MerkleErrorCode.InvalidSalt, `commitment key must be at least ${MIN_SALT_BYTES} bytes, got ${key.length}`);
    }
    if (!KEY_VERSION_PATTERN.test(keyVersion)) {
      throw new MerkleError(MerkleErrorCode.InvalidSalt, `key version must match ${KEY_VERSION_PATTERN}`);
    }
    this.key = Buffer.from(key); // own copy: the caller may zero or reuse its buffer
  }

  async saltFor(_subject: string | undefined): Promise<CommitmentSalt> {
    return { salt: Buffer.from(this.key), keyVersion: this.keyVersion };
  }
}
