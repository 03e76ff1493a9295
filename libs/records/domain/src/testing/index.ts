// Test support for the records app's specs, reached as '@carechain/records-domain/testing'.
// Kept out of src/index.ts: it writes temp files and is never built into dist.
export { FakePublisher, type Published } from './fake-publisher';
export { MemoryRedis } from './memory-redis';
export {
  allergy,
  chargeItem,
  CLINIC,
  clinicClinician,
  clinicPractitioner,
  condition,
  CUSTODIAN,
  custodianClinician,
  PAYER,
  payerClerk,
  PHI_MARKERS,
  RecordsWorld,
} from './records-world';
