// An identity domain wired to a fake publisher (which validates every event like
// the real one) and a real local keyring in a temp dir: what the specs drive.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEvent, type AnyEvent, type CloudEvent } from '@carechain/contracts';
import { LocalKeyringKms } from '@carechain/crypto';
import type { EventPublisher, RawMessage } from '@carechain/messaging';
import { PatientKeyTable } from '@carechain/patient-keys';
import { IdentityState } from '../identity-state';
import { PatientKeyIssuer } from '../patient-key.issuer';
import { RegisterPatientUseCase } from '../register-patient.use-case';
import { ResolveReviewUseCase } from '../resolve-review.use-case';
import { MergePatientsUseCase } from '../merge-patients.use-case';
import { ErasePatientUseCase } from '../erase-patient.use-case';

export class FakePublisher implements EventPublisher {
  readonly sent: { topic: string; event: AnyEvent | null; key?: string }[] = [];
  async publish(topic: string, event: CloudEvent, options: { key?: string } = {}): Promise<void> {
    this.sent.push({ topic, event: validateEvent(event), ...(options.key !== undefined && { key: options.key }) });
  }
  async publishAll(topic: string, events: readonly CloudEvent[]): Promise<void> {
    for (const e of events) await this.publish(topic, e);
  }
  async publishRaw(_topic: string, _message: RawMessage): Promise<void> {
    throw new Error('identity publishes no raw messages');
  }
  async publishTombstone(topic: string, key: string): Promise<void> {
    this.sent.push({ topic, event: null, key });
  }
}

export async function identityFixture() {
  const kms = await LocalKeyringKms.open(join(mkdtempSync(join(tmpdir(), 'identity-')), 'keyring.json'), { createIfMissing: true });
  const publisher = new FakePublisher();
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
