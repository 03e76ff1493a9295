import { ConsumerGroups } from '@carechain/contracts';
import { patientRegistryProjection } from '@carechain/patient-registry';
import { startService } from '@carechain/runtime';

export function start() {
  return startService({
    name: 'records',
    description: 'Records: encrypted clinical records, every read checked against consent.',
    defaultPort: 3003,
    projections: [patientRegistryProjection('records', ConsumerGroups.recordsPatientRegistry)],
  });
}
