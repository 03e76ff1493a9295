// The leaf of the anchoring Merkle tree: HMAC-SHA-256 of the event's canonical bytes,
// keyed with the commitment salt (see commitment-salt.port.ts for why it is keyed).
import { createHmac } from 'node:crypto';
import { MIN_SALT_BYTES } from './commitment-salt.port';
import { MerkleError, MerkleErrorCode } from './merkle.error';

export function leafCommitment(eventBytes: Uint8Array, salt: Uint8Array): Buffer {
  if (salt.length < MIN_SALT_BYTES) {
    throw new MerkleError(MerkleErrorCode.InvalidSalt, `salt must be at least ${MIN_SALT_BYTES} bytes, got ${salt.length}`);
  }
  return createHmac('sha256', salt).update(eventBytes).digest();
}
