// Consumer group ids: one per projection (or processor), named after its owner,
// so `kafka-consumer-groups --describe` reads like the architecture.
export const ConsumerGroups = {
  identityPatientDirectory: 'carechain.identity.patient-directory',
  consentPatientRegistry: 'carechain.consent.patient-registry',
  recordsPatientRegistry: 'carechain.records.patient-registry',
  auditTrail: 'carechain.audit.trail',
  auditReceipts: 'carechain.audit.receipts',
  ledgerWriter: 'carechain.ledger-writer.anchoring',
} as const;
