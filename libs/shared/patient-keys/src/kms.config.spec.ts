import { z } from 'zod';
import { kmsConfigShape } from './kms.config';

describe('KMS configuration', () => {
  const parse = (env: Record<string, string>) => z.object(kmsConfigShape).safeParse({ KMS_KEYRING_FILE: '/kms/keyring.json', ...env });

  it('refuses a group-readable keyring unless told it is mounted through an fsGroup', () => {
    expect(parse({}).data).toMatchObject({ KMS_PROVIDER: 'local', KMS_KEYRING_GROUP_READABLE: false });
    expect(parse({ KMS_KEYRING_GROUP_READABLE: 'true' }).data?.KMS_KEYRING_GROUP_READABLE).toBe(true);
    expect(parse({ KMS_KEYRING_GROUP_READABLE: 'perhaps' }).success).toBe(false);
  });
});
