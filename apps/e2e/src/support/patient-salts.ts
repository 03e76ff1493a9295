// A patient's commitment salts as the patient or their custodian could disclose them:
// read from identity.keys.v1 and unwrapped with the test run's KMS keyring.
import { LocalKeyringKms, unwrapPatientKeyVersion } from '@carechain/crypto';
import { readTopic } from './kafka-topics';
import { testEnv } from './test-env';

/** Every salt version of the patient still on the topic, by version number. */
export async function patientSalts(patientId: string): Promise<Map<number, Buffer>> {
  const kms = await LocalKeyringKms.open(testEnv('CARECHAIN_TEST_KEYRING_FILE'), { createIfMissing: false });
  const salts = new Map<number, Buffer>();
  for (const r of await readTopic('identity.keys.v1')) {
    if (r.key !== patientId || !r.value) continue;
    const issued = JSON.parse(r.value.toString()).data as { patientId: string; versions: Parameters<typeof unwrapPatientKeyVersion>[2][] };
    for (const v of issued.versions) {
      const key = await unwrapPatientKeyVersion(kms, issued.patientId, v);
      salts.set(key.version, key.salt);
    }
  }
  return salts;
}
