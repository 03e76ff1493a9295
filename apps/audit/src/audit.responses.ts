// The bodies audit answers with, as zod schemas: the OpenAPI document is generated
// from them (ApiResult) and the compiler checks each handler's result against them.
import { z } from 'zod';
import { LEDGER_ALERT_RULES, receiptIssuedV1Schema } from '@carechain/contracts';
import { fhirResourceSchema } from '@carechain/http';
import { SUPPORTED_RESOURCE_TYPES } from '@carechain/records-fhir';

const instant = z.iso.datetime({ offset: true });
const next = z.string().nullable().describe('The cursor of the following page; null on the last page.');

const anchored = z.object({ batchId: z.string(), txId: z.string(), blockNumber: z.string(), inclusionVerified: z.boolean() }).nullable();

const auditEntry = z.object({
  eventId: z.string(),
  type: z.string(),
  subject: z.string().nullable(),
  actor: z.string().nullable(),
  actorOrganisation: z.string().nullable(),
  time: instant,
  source: z.object({ topic: z.string(), partition: z.number().int().min(0), offset: z.string() }),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])).optional(),
  anchored,
});

export const patientTrailSchema = z.object({ patient: z.uuid(), events: z.array(auditEntry), next });
export const actorTrailSchema = z.object({ actor: z.string(), organisation: z.string(), events: z.array(auditEntry), next });

export const proofSchema = z.object({
  eventId: z.string(),
  commitment: z.string(),
  receipt: receiptIssuedV1Schema,
  verified: z.object({ inclusion: z.boolean(), checkedAt: instant }),
});

export const disclosurePageSchema = z.object({
  patient: z.uuid(),
  from: instant,
  to: instant.nullable(),
  disclosures: z.array(
    z.object({
      eventId: z.string(),
      date: instant,
      kind: z.enum(['read', 'share', 'claim']),
      recipient: z.object({ organisation: z.string(), practitioner: z.string().nullable() }),
      categories: z.array(z.string()),
      records: z.number().int().min(0),
      purpose: z.string(),
      basis: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('grant'), grantId: z.string().nullable() }),
        z.object({ kind: z.literal('break-glass'), reason: z.string().nullable() }),
        z.object({ kind: z.literal('claim'), claimId: z.string().nullable() }),
      ]),
      proof: z.string(),
      anchored,
    }),
  ),
  next,
});

export const accessReportSchema = z.object({
  patient: z.uuid(),
  generatedAt: instant,
  lines: z.array(
    z.object({
      eventId: z.string(),
      time: instant,
      kind: z.enum(['viewed', 'refused', 'emergency', 'shared', 'written', 'consent']),
      who: z.string(),
      organisation: z.string().nullable(),
      text: z.string(),
      ledger: z.object({ verified: z.boolean(), proof: z.string(), blockNumber: z.string(), txId: z.string() }).nullable(),
    }),
  ),
  next,
});
/** The printable page of the report (format=html or Accept: text/html). */
export const accessReportPageSchema = z.string();

export const auditEventBundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  link: z.array(z.object({ relation: z.enum(['self', 'next']), url: z.url() })),
  entry: z
    .array(
      z.object({ fullUrl: z.string().startsWith('urn:uuid:'), resource: fhirResourceSchema(['AuditEvent']), search: z.object({ mode: z.literal('match') }) }),
    )
    .optional(),
});

const offset = z.string().describe('A Kafka offset (int64, as a decimal string).');

const monitorPartition = z.object({
  topic: z.string(),
  partition: z.number().int().min(0),
  position: offset.nullable().describe('Offsets before this are accounted for on the chain, each in exactly one batch.'),
  logEnd: offset.nullable(),
  chainEnd: offset.nullable(),
  behindLog: z.number().int().nullable(),
  behindChain: z.number().int().nullable(),
  waitingRecords: z.number().int().min(0),
});

const monitorFinding = z.object({
  id: z.uuid(),
  kind: z.enum(LEDGER_ALERT_RULES),
  topic: z.string(),
  partition: z.number().int().min(0),
  firstOffset: offset,
  lastOffset: offset,
  batchIds: z.array(z.string()),
  organisations: z.array(z.string()),
  eventIds: z.array(z.string()),
  detail: z.string(),
  detectedAt: instant,
});

const count = z.number().int().min(0);

export const monitorReportSchema = z.union([
  z.object({
    enabled: z.literal(true),
    organisations: z.array(z.string()),
    partitions: z.array(monitorPartition),
    samples: z
      .object({
        verified: count,
        mismatched: count,
        erased: count.describe('Events of erased patients: their salt is shredded, so the leaf cannot be recomputed (counted once, then dropped).'),
        saltUnavailable: count.describe("Checks with no salt at hand (yet): the patient's keys not replicated, another service key version."),
        held: count,
      })
      .describe(
        'Re-verification checks by outcome (a sample is re-checked round after round: the leaf recomputed from the Kafka record, the proof, the root on the chain), and the samples held.',
      ),
    findings: z.array(monitorFinding).describe('Newest first.'),
    findingCounts: z.record(z.string(), z.number().int().min(0)),
  }),
  z.object({ enabled: z.literal(false) }),
]);

/** An export not ready yet (POST /patients/:id/exports, and GET /exports/:id while it is assembled). */
export const exportStatusSchema = z.object({
  exportId: z.uuid(),
  patient: z.uuid(),
  status: z.literal('running'),
  requestedAt: instant,
  location: z.string().describe('Where the bundle will be: GET it until it answers 200.'),
});

/** The export: one FHIR R4 Bundle of type collection. */
export const exportBundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  id: z.uuid(),
  type: z.literal('collection'),
  timestamp: instant,
  meta: z.object({ lastUpdated: instant }),
  entry: z.array(
    z.object({
      fullUrl: z.string(),
      resource: fhirResourceSchema(['Patient', 'Consent', ...SUPPORTED_RESOURCE_TYPES, 'Coverage', 'Claim', 'ExplanationOfBenefit', 'AuditEvent']),
    }),
  ),
});
