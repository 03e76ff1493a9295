// The development KeyManagementService: KEKs in a JSON file on the developer's disk
// (format in keyring-format.ts). Same contract as a cloud KMS, none of its
// guarantees: the KEKs sit in this process's memory and in a file. Never use it where
// real PHI lives.
//
// The file is the source of truth, shared by every service on the machine: rotate()
// re-reads it before adding a KEK, and unwrap() re-reads it once when it meets a
// kekId it does not know (another process rotated). Two processes rotating in the
// same instant can still lose one of the two new KEKs; rotation is a manual step.
import type { WrappedSecret } from '@carechain/contracts';
import { gcmOpen, gcmSeal } from './aes-gcm';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { type EncryptionContext, encryptionContextAad } from './encryption-context';
import { type KeyringAccess, readKeyringFile, writeKeyringFile } from './keyring-file';
import { generateKeyringEntry, type Keyring, type KeyringEntry, newKekId, nextKekNumber } from './keyring-format';
import { assertUsableKey } from './key-material';
import { type KeyManagementService, WRAPPED_SECRET_BYTES } from './kms.port';
import { fromWrappedSecret, toWrappedSecret } from './wrapped-secret';

export interface LocalKeyringOptions {
  /** Create the file, its directories and a first KEK when there is no file yet. */
  readonly createIfMissing: boolean;
  /**
   * Open a file that group or others can access instead of refusing it with
   * InsecureKeyring; the instance then reports `insecurePermissions` for the caller to
   * log. Meant for a mounted volume whose mode cannot be changed, not as a default.
   */
  readonly allowInsecurePermissions?: boolean;
  /** Accept a group-readable file (0640/0440) as secure: a Secret mounted through a pod's fsGroup. */
  readonly allowGroupRead?: boolean;
  /** Clock for the createdAt of new KEKs. */
  readonly now?: () => Date;
}

export class LocalKeyringKms implements KeyManagementService {
  readonly provider = 'local-keyring';
  /** Serialises rotations within this process. */
  private rotation: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private keyring: Keyring,
    readonly insecurePermissions: boolean,
    private readonly options: LocalKeyringOptions,
  ) {}

  static async open(path: string, options: LocalKeyringOptions): Promise<LocalKeyringKms> {
    const existing = await readKeyringFile(path, accessOf(options));
    if (existing) {
      return new LocalKeyringKms(path, existing.keyring, existing.insecurePermissions, options);
    }
    if (!options.createIfMissing) {
      throw new CryptoError(CryptoErrorCode.BadKeyring, `${path}: no keyring file (open with createIfMissing to create one)`);
    }
    const id = newKekId(1);
    const fresh: Keyring = { active: id, keys: new Map([[id, generateKeyringEntry(now(options))]]) };
    if (await writeKeyringFile(path, fresh, 'create')) {
      return new LocalKeyringKms(path, fresh, false, options);
    }
    // Another process created it between our read and our write: use theirs.
    const raced = await readKeyringFile(path, accessOf(options));
    if (!raced) {
      throw new CryptoError(CryptoErrorCode.BadKeyring, `${path}: created concurrently, then vanished`);
    }
    return new LocalKeyringKms(path, raced.keyring, raced.insecurePermissions, options);
  }

  activeKekId(): string {
    return this.keyring.active;
  }

  /** Every KEK id this instance can unwrap with, oldest first. */
  kekIds(): string[] {
    return [...this.keyring.keys.keys()];
  }

  async wrap(secret: Buffer, context: EncryptionContext): Promise<WrappedSecret> {
    // A zeroed secret is a shredded one; wrapping and publishing it would resurrect nothing but zeros.
    assertUsableKey(secret, 'secret to wrap', WRAPPED_SECRET_BYTES);
    const aad = encryptionContextAad(context);
    const kekId = this.keyring.active;
    return toWrappedSecret(kekId, gcmSeal(this.entry(kekId).key, secret, aad, `KEK ${kekId}`));
  }

  async unwrap(wrapped: WrappedSecret, context: EncryptionContext): Promise<Buffer> {
    const box = fromWrappedSecret(wrapped);
    const aad = encryptionContextAad(context);
    let entry = this.keyring.keys.get(wrapped.kekId);
    if (!entry) {
      await this.reload();
      entry = this.entry(wrapped.kekId);
    }
    return gcmOpen(entry.key, box, aad, `secret wrapped under ${wrapped.kekId}`);
  }

  /**
   * Adds a new KEK, makes it active and keeps every older one for unwrapping.
   * Existing wraps stay as they are; re-wrapping them is the key owner's job.
   */
  rotate(): Promise<string> {
    const next = this.rotation.then(async () => {
      const latest = (await readKeyringFile(this.path, accessOf(this.options)))?.keyring ?? this.keyring;
      const id = newKekId(nextKekNumber(latest.keys.keys()));
      const rotated: Keyring = { active: id, keys: new Map([...latest.keys, [id, generateKeyringEntry(now(this.options))]]) };
      await writeKeyringFile(this.path, rotated, 'replace');
      this.keyring = rotated;
      return id;
    });
    this.rotation = next.catch(() => undefined);
    return next;
  }

  private entry(kekId: string): KeyringEntry {
    const entry = this.keyring.keys.get(kekId);
    if (!entry) {
      throw new CryptoError(CryptoErrorCode.UnknownKek, `no KEK ${kekId} in ${this.path}`);
    }
    return entry;
  }

  private async reload(): Promise<void> {
    const latest = await readKeyringFile(this.path, accessOf(this.options));
    if (latest) {
      this.keyring = latest.keyring;
    }
  }
}

function accessOf(options: LocalKeyringOptions): KeyringAccess {
  return { allowInsecurePermissions: options.allowInsecurePermissions === true, allowGroupRead: options.allowGroupRead === true };
}

function now(options: LocalKeyringOptions): Date {
  return options.now?.() ?? new Date();
}
