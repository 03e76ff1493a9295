// The patient registration the benches produce (identity.patient.v1's first version,
// demographics in clear: what a bench needs is an event of realistic size and shape).
import { createRequire } from 'node:module';
import { repoRoot } from '../../devnet/lib/paths.ts';

const require = createRequire(`${repoRoot}/package.json`);
const { createEvent, PATIENT_REGISTERED_V1 } = require('@carechain/contracts');

export function benchRegistration(patientId: string, i: number) {
  return createEvent({
    type: PATIENT_REGISTERED_V1,
    source: '/bench',
    subject: patientId,
    data: {
      patientId,
      custodian: 'bench-org',
      demographics: { name: { given: [`B${i}`], family: 'Bench' }, birthDate: '1980-01-01', gender: 'unknown', telecom: [], address: [] },
      identifiers: [{ system: 'urn:bench', value: String(i) }],
    },
  });
}
