// The port through which anchoring and verification obtain the HMAC key of a leaf
// commitment. Why a salt at all: the chain is replicated to every organisation and
// kept forever, so it must hold nothing that links to a patient. A bare SHA-256 of an
// event could be confirmed by anyone who guesses its contents (a patient id plus a
// diagnosis code is a small search space); an HMAC under a secret salt cannot be
// recomputed without the salt. With one salt per patient (the target; see
// DESIGN.md "Data protection") destroying that salt also crypto-shreds the patient's
// on-chain trail: the commitments stay, the chain stays valid, and nobody can ever
// again tie them to the patient or to any event text.

export interface CommitmentSalt {
  /** HMAC-SHA-256 key, at least 32 bytes. */
  readonly salt: Buffer;
  /** Names the key in receipts so a verifier can pick the right one after rotation. */
  readonly keyVersion: string;
}

export interface CommitmentSaltProvider {
  /**
   * The salt for events about `subject` (the CloudEvents subject, i.e. the patient id
   * where there is one; undefined for events without a patient).
   */
  saltFor(subject: string | undefined): Promise<CommitmentSalt>;
}

/** At least the hash size (RFC 2104 §3): a shorter HMAC key weakens the commitment. */
export const MIN_SALT_BYTES = 32;

/** Key versions go into receipts and logs: a short token, never free text. */
export const KEY_VERSION_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
