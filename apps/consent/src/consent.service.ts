import { ConsumerGroups } from '@carechain/contracts';
import { patientRegistryProjection } from '@carechain/patient-registry';
import { startService } from '@carechain/runtime';

export function start() {
  return startService({
    name: 'consent',
    description: 'Consent: grants, revocations, expiry and the access decision.',
    defaultPort: 3002,
    projections: [patientRegistryProjection('consent', ConsumerGroups.consentPatientRegistry)],
  });
}
