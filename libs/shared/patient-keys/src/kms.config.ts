// Which key-management service wraps patient keys, as every service holding keys
// configures it. Only the local keyring exists as an adapter today; a cloud KMS
// adapter implements KeyManagementService (see libs/shared/crypto/README.md).
import { z } from 'zod';
import { LocalKeyringKms, type KeyManagementService } from '@carechain/crypto';
import { MeteredKms } from './metered.kms';

export const kmsConfigShape = {
  KMS_PROVIDER: z.enum(['local']).default('local'),
  /** The development keyring (created by the devnet on first run, mode 0600). */
  KMS_KEYRING_FILE: z.string().min(1),
  /**
   * Accept a group-readable keyring (0440/0640): how Kubernetes mounts a Secret for a
   * non-root pod with an fsGroup. Group write and any access by others stay refused.
   */
  KMS_KEYRING_GROUP_READABLE: z.stringbool().default(false),
} as const;

export interface KmsConfig {
  readonly KMS_PROVIDER: 'local';
  readonly KMS_KEYRING_FILE: string;
  readonly KMS_KEYRING_GROUP_READABLE?: boolean;
}

export async function openKms(config: KmsConfig): Promise<KeyManagementService> {
  switch (config.KMS_PROVIDER) {
    case 'local':
      return new MeteredKms(
        await LocalKeyringKms.open(config.KMS_KEYRING_FILE, { createIfMissing: false, allowGroupRead: config.KMS_KEYRING_GROUP_READABLE === true }),
      );
  }
}
