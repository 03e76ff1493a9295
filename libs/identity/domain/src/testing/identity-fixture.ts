// An identity domain wired to the recording publisher (which validates every event
// like the real one) and a real local keyring in a temp dir: what the specs drive.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKeyringKms } from '@carechain/crypto';
import { RecordingPublisher } from '@carechain/messaging/testing';
import { PatientKeyTable } from '@carechain/patient-keys';
import { IdentityState } from '../identity-state';
import { PatientKeyIssuer } from '../patient-key.issuer';
import { RegisterPatientUseCase } from '../register-patient.use-case';
import { ResolveReviewUseCase } from '../resolve-review.use-case';
import { MergePatientsUseCase } from '../merge-patients.use-case';
import { ErasePatientUseCase } from '../erase-patient.use-case';

export async function identityFixture() {
  const kms = await LocalKeyringKms.open(join(mkdtempSync(join(tmpdir(), 'identity-')), 'keyring.json'), { createIfMissing: true });
  const publisher = new RecordingPublisher();
  const keys = new PatientKeyTable(kms);
  const state = new IdentityState(keys);
  keys.onKeys((id) => state.onKeysArrived(id));
  const issuer = new PatientKeyIssuer(kms, keys, publisher);
  return {
    kms,
    publisher,
    keys,
    state,
    issuer,
    register: new RegisterPatientUseCase(state, keys, issuer, publisher),
    reviews: new ResolveReviewUseCase(state, keys, issuer, publisher),
    merges: new MergePatientsUseCase(state, publisher),
    erase: new ErasePatientUseCase(state, issuer, publisher),
  };
}
