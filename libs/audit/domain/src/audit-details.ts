// What an audit entry says about an event beyond who/what/when: only the fields a
// patient or an auditor needs to understand an access, a consent change or an
// erasure — ids, codes, organisations, times. Never a payload (sealed PHI stays out),
// so the trail can be kept after the patient's erasure.
import {
  ACCESS_DECIDED_V1,
  DEMOGRAPHICS_READ_V1,
  CLAIM_SUBMITTED_V1,
  BREAK_GLASS_INVOKED_V1,
  GRANT_EXPIRED_V1,
  GRANT_GRANTED_V1,
  GRANT_REVOKED_V1,
  KEYS_ISSUED_V1,
  PATIENT_ERASED_V1,
  PATIENT_EXPORTED_V1,
  PATIENT_LINKED_V1,
  PATIENT_MERGED_V1,
  MERGE_REQUESTED_V1,
  MERGE_REQUEST_RESOLVED_V1,
  PATIENT_UNMERGED_V1,
  RECORD_SHARED_V1,
  RECORD_WRITTEN_V1,
  REVIEW_OPENED_V1,
  REVIEW_RESOLVED_V1,
  type AnyEvent,
} from '@carechain/contracts';

export type AuditDetails = Readonly<Record<string, string | number | boolean | readonly string[] | null>>;

export function auditDetailsOf(event: AnyEvent): AuditDetails | undefined {
  switch (event.type) {
    case ACCESS_DECIDED_V1: {
      const d = event.data;
      return {
        operation: d.operation,
        decision: d.decision,
        basis: d.basis ?? null,
        grantId: d.grantId ?? null,
        claimId: d.claimId ?? null,
        denyReason: d.denyReason ?? null,
        categories: d.categories,
        purpose: d.purpose,
        breakGlass: d.breakGlass,
        breakGlassReason: d.breakGlassReason ?? null,
        records: d.recordIds.length,
        recordIds: d.recordIds,
      };
    }
    case CLAIM_SUBMITTED_V1:
      return {
        claimId: event.data.claimId,
        provider: event.data.provider,
        insurer: event.data.insurer,
        use: event.data.use,
        purpose: event.data.purpose,
        records: event.data.documentingRecordIds.length,
        recordIds: event.data.documentingRecordIds,
      };
    case DEMOGRAPHICS_READ_V1: {
      const d = event.data;
      return {
        operation: 'read',
        decision: d.decision,
        basis: d.basis ?? null,
        grantId: d.grantId ?? null,
        denyReason: d.denyReason ?? null,
        categories: ['demographics'],
        purpose: d.purpose,
        scope: d.scope ?? null,
      };
    }
    case BREAK_GLASS_INVOKED_V1:
      return {
        categories: event.data.categories,
        purpose: event.data.purpose,
        breakGlass: true,
        breakGlassReason: event.data.reason,
        requesterOrganisation: event.data.requester.organisation,
      };
    case GRANT_GRANTED_V1: {
      const d = event.data;
      return {
        grantId: d.grantId,
        granteeOrganisation: d.grantee.organisation,
        granteePractitioner: d.grantee.practitioner ?? null,
        categories: d.categories,
        purposes: d.purposes,
        validFrom: d.validFrom,
        validUntil: d.validUntil ?? null,
        grantedBy: d.grantedBy.kind,
        patientSigned: d.grantedBy.signed,
      };
    }
    case GRANT_REVOKED_V1:
      return { grantId: event.data.grantId, revokedAt: event.data.revokedAt, revokedBy: event.data.revokedBy.kind, patientSigned: event.data.revokedBy.signed };
    case GRANT_EXPIRED_V1:
      return { grantId: event.data.grantId, expiredAt: event.data.expiredAt };
    case RECORD_WRITTEN_V1:
      return { recordId: event.data.recordId, version: event.data.version, category: event.data.category, resourceType: event.data.resourceType };
    case RECORD_SHARED_V1:
      return {
        recordId: event.data.recordId,
        category: event.data.category,
        sharedWith: event.data.sharedWith,
        purpose: event.data.purpose,
        grantId: event.data.grantId ?? null,
      };
    case PATIENT_LINKED_V1:
      return { registrationId: event.data.registrationId, organisation: event.data.organisation, method: event.data.match.method };
    case REVIEW_OPENED_V1:
      return { reviewId: event.data.reviewId, candidatePatientId: event.data.candidatePatientId };
    case REVIEW_RESOLVED_V1:
      return { reviewId: event.data.reviewId, outcome: event.data.outcome };
    case PATIENT_MERGED_V1:
    case PATIENT_UNMERGED_V1:
      return { survivorId: event.data.survivorId, mergedId: event.data.mergedId };
    case MERGE_REQUESTED_V1:
      return {
        mergeRequestId: event.data.mergeRequestId,
        survivorId: event.data.survivorId,
        mergedId: event.data.mergedId,
        requestedBy: event.data.requestedBy,
        awaiting: event.data.awaiting,
      };
    case MERGE_REQUEST_RESOLVED_V1:
      return { mergeRequestId: event.data.mergeRequestId, survivorId: event.data.survivorId, mergedId: event.data.mergedId, outcome: event.data.outcome };
    case KEYS_ISSUED_V1: {
      const versions = event.data.versions.map((v) => v.version);
      return { keyVersions: versions.length, latestKeyVersion: Math.max(...versions) };
    }
    case PATIENT_ERASED_V1:
      return { reason: event.data.reason, caseReference: event.data.caseReference, alsoErased: event.data.alsoErased };
    case PATIENT_EXPORTED_V1:
      // As "Type:count" pairs: a detail is a string list, and the counts are what the patient was given.
      return { exportId: event.data.exportId, resources: Object.entries(event.data.resources).map(([type, n]) => `${type}:${n}`) };
    default:
      return undefined;
  }
}
