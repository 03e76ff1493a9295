// One line of a patient's access report: who saw or received what, when and why, in
// plain words, with the proof that the event is on the ledger. Built from the
// PHI-free audit entry: what the patient reads is ids, organisations, categories and
// purposes, never the content of a record.
import {
  ACCESS_DECIDED_V1,
  CLAIM_SUBMITTED_V1,
  GRANT_EXPIRED_V1,
  GRANT_GRANTED_V1,
  GRANT_REVOKED_V1,
  PATIENT_EXPORTED_V1,
  RECORD_SHARED_V1,
  RECORD_WRITTEN_V1,
} from '@carechain/contracts';
import type { AnchoredAuditEntry } from '../audit-trail.store.port';
import { proofPath } from '../disclosure';
import { categoryWords, purposeWords, recordsWords } from './plain-language';

export type ReportLineKind = 'viewed' | 'refused' | 'emergency' | 'shared' | 'written' | 'consent';

export interface AccessReportLine {
  readonly eventId: string;
  readonly time: string;
  readonly kind: ReportLineKind;
  /** The person (their id at their organisation) and the organisation; "you" for the patient. */
  readonly who: string;
  readonly organisation: string | null;
  /** The sentence, e.g. "dr-who at clinic-b viewed 2 records (conditions) for your treatment, under your consent." */
  readonly text: string;
  /** Set once the event's receipt arrived and its inclusion proof checked out. */
  readonly ledger: { readonly verified: boolean; readonly proof: string; readonly blockNumber: string; readonly txId: string } | null;
}

const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function basisWords(basis: unknown, grantId: unknown, reason: unknown): string {
  switch (basis) {
    case 'grant':
      return `under your consent${s(grantId) ? ` (grant ${s(grantId)})` : ''}`;
    case 'custodian':
      return 'as your care provider';
    case 'break-glass':
      return `in an emergency, without your consent${s(reason) ? `: “${s(reason)}”` : ''}`;
    default:
      return '';
  }
}

/** The line an entry makes in the patient's report, or undefined for entries a patient is not told about this way (keys, reviews). */
export function toReportLine(entry: AnchoredAuditEntry): AccessReportLine | undefined {
  const d = entry.details ?? {};
  const self = entry.actor !== null && entry.actor === entry.subject;
  const who = self ? 'you' : (entry.actor ?? 'someone');
  const at = self || !entry.actorOrganisation ? '' : ` at ${entry.actorOrganisation}`;
  const line = (kind: ReportLineKind, text: string): AccessReportLine => ({
    eventId: entry.eventId,
    time: entry.time,
    kind,
    who,
    organisation: entry.actorOrganisation,
    // Ids keep their spelling; only our own words start a sentence with a capital.
    text: text.startsWith('you ') ? `Y${text.slice(1)}` : text,
    ledger: entry.anchored
      ? { verified: entry.anchored.inclusionVerified, proof: proofPath(entry.eventId), blockNumber: entry.anchored.blockNumber, txId: entry.anchored.txId }
      : null,
  });
  switch (entry.type) {
    case ACCESS_DECIDED_V1: {
      const what =
        d['operation'] === 'search'
          ? `searched your ${categoryWords(d['categories'])}`
          : `viewed ${recordsWords(d['records'])} (${categoryWords(d['categories'])})`;
      if (d['decision'] === 'deny')
        return line(
          'refused',
          `${who}${at} asked to see your ${categoryWords(d['categories'])} for ${purposeWords(d['purpose'])} and was refused (${s(d['denyReason']) ?? 'not permitted'}).`,
        );
      const basis = basisWords(d['basis'], d['grantId'], d['breakGlassReason']);
      return line(d['basis'] === 'break-glass' ? 'emergency' : 'viewed', `${who}${at} ${what} for ${purposeWords(d['purpose'])}${basis ? `, ${basis}` : ''}.`);
    }
    case RECORD_SHARED_V1:
      return line(
        'shared',
        `${who}${at} sent a record (${categoryWords(d['category'])}) to ${s(d['sharedWith']) ?? 'another organisation'} for ${purposeWords(d['purpose'])}${s(d['grantId']) ? `, under your consent (grant ${s(d['grantId'])})` : ''}.`,
      );
    case CLAIM_SUBMITTED_V1:
      return line(
        'shared',
        `${who}${at} sent a claim (claim ${s(d['claimId']) ?? 'unknown'}) to ${s(d['insurer']) ?? 'your insurer'} for payment, disclosing ${recordsWords(d['records'])} it bills for.`,
      );
    case RECORD_WRITTEN_V1:
      return line(
        'written',
        `${who}${at} ${d['version'] === 1 ? 'added' : 'updated'} a ${s(d['resourceType']) ?? 'record'} (${categoryWords(d['category'])}) in your record.`,
      );
    case GRANT_GRANTED_V1:
      return line(
        'consent',
        `${who}${at} recorded your consent for ${s(d['granteeOrganisation']) ?? 'an organisation'} to see your ${categoryWords(d['categories'])} (grant ${s(d['grantId'])}).`,
      );
    case GRANT_REVOKED_V1:
      return line('consent', `${who}${at} withdrew your consent (grant ${s(d['grantId'])}).`);
    case GRANT_EXPIRED_V1:
      return line('consent', `Your consent (grant ${s(d['grantId'])}) ended as planned.`);
    case PATIENT_EXPORTED_V1:
      return line('shared', `${who}${at} received a copy of everything carechain holds about you (export ${s(d['exportId']) ?? 'unknown'}).`);
    default:
      return undefined;
  }
}
