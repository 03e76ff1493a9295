// Consumer group ids: one per projection (or processor), named after its owner,
// so `kafka-consumer-groups --describe` reads like the architecture.
export const ConsumerGroups = {
  identityPatientDirectory: 'carechain.identity.patient-directory',
  recordsReadModel: 'carechain.records.records',
  auditTrail: 'carechain.audit.trail',
  auditReceipts: 'carechain.audit.receipts',
  auditAlerts: 'carechain.audit.alerts',
  ledgerWriter: 'carechain.ledger-writer.anchoring',
  ledgerWriterConsent: 'carechain.ledger-writer.consent',
  /** One group per organisation (suffixed with its MSP id): each ledger-writer instance submits its organisation's claim transitions. */
  ledgerWriterClaims: 'carechain.ledger-writer.claims',
  claimsReadModel: 'carechain.claims.claims',
  claimsChainVerdicts: 'carechain.claims.chain-verdicts',
} as const;
