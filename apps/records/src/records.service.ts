import { Topics } from '@carechain/contracts';
import { PatientRegistry } from '@carechain/patient-registry';
import { startService } from '@carechain/runtime';

export function start() {
  return startService({
    name: 'records',
    description: 'Records: encrypted clinical records, every read checked against consent.',
    defaultPort: 3003,
    replicas: [{ name: 'carechain.records.patients', topics: [Topics.identityPatient], handler: new PatientRegistry() }],
  });
}
