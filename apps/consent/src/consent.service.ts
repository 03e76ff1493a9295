import { Topics } from '@carechain/contracts';
import { PatientRegistry } from '@carechain/patient-registry';
import { startService } from '@carechain/runtime';

export function start() {
  return startService({
    name: 'consent',
    description: 'Consent: grants, revocations, expiry and the access decision.',
    defaultPort: 3002,
    replicas: [{ name: 'carechain.consent.patients', topics: [Topics.identityPatient], handler: new PatientRegistry() }],
  });
}
