// Registers consent state on the chain: each grant, revocation and expiry on
// consent.grant.v1 becomes a ConsentContract transaction, in order per patient.
// Everything sent is derived per grant under the patient's salt (grantRegistrationOf),
// so the chain shows that *a* grant was valid at a time, and only someone holding the
// salt (the patient's services, until erasure) can find it, tie it to the patient,
// its grantee, its scope or its source event, or tie two grants together.
import { GRANT_EXPIRED_V1, GRANT_GRANTED_V1, GRANT_REVOKED_V1 } from '@carechain/contracts';
import { type ConsentLedger, grantEventCommitment, grantKeyOf, grantRegistrationOf, type GrantTransition } from '@carechain/ledger-chaincode-api';
import type { BatchHandler, RecordBatch } from '@carechain/messaging';
import type { PatientKeyTable } from '@carechain/patient-keys';
import type { Logger } from '@carechain/telemetry';

const KEY_WAIT_MS = 5_000;

export class ConsentRegistrationHandler implements BatchHandler {
  constructor(
    private readonly ledger: ConsentLedger,
    private readonly keys: PatientKeyTable,
    private readonly logger: Logger,
  ) {}

  async handle(batch: RecordBatch): Promise<void> {
    for (const { event } of batch.records) {
      switch (event.type) {
        case GRANT_GRANTED_V1: {
          const g = event.data;
          if (this.keys.isShredded(g.patientId)) {
            this.logger.info({ grantId: g.grantId }, 'patient erased before the grant reached the chain: not registered');
            continue;
          }
          const { salt } = await this.keys.awaitCurrent(g.patientId, KEY_WAIT_MS);
          const terms = {
            grantId: g.grantId,
            patientId: g.patientId,
            granteeOrganisation: g.grantee.organisation,
            ...(g.grantee.practitioner !== undefined && { granteePractitioner: g.grantee.practitioner }),
            categories: g.categories,
            purposes: g.purposes,
            validFrom: g.validFrom,
            ...(g.validUntil !== undefined && { validUntil: g.validUntil }),
          };
          const registered = await this.ledger.register(grantRegistrationOf(salt, terms, event.id));
          if (!registered) this.logger.info({ grantId: g.grantId }, 'grant already on the chain (replay)');
          continue;
        }
        case GRANT_REVOKED_V1:
          await this.end(event.data.patientId, event.data.grantId, 'revoke', event.data.revokedAt, event.id);
          continue;
        case GRANT_EXPIRED_V1:
          await this.end(event.data.patientId, event.data.grantId, 'expire', event.data.expiredAt, event.id);
          continue;
        default:
          continue;
      }
    }
  }

  /**
   * The grant is keyed under the salt that was current when it was registered; a
   * rotation since then leaves it under an older version, so the versions are tried
   * newest first until the chain knows the key.
   */
  private async end(patientId: string, grantId: string, transition: GrantTransition, at: string, eventId: string): Promise<void> {
    if (this.keys.isShredded(patientId)) {
      this.logger.info({ grantId }, 'patient erased: the grant on the chain can no longer be addressed, nor linked to anyone');
      return;
    }
    const current = await this.keys.awaitCurrent(patientId, KEY_WAIT_MS);
    for (let version = current.version; version >= 1; version--) {
      const salt = this.keys.version(patientId, version)?.salt;
      if (!salt) continue;
      const outcome = await this.ledger.end(grantKeyOf(salt, grantId), transition, new Date(at).toISOString(), grantEventCommitment(salt, grantId, eventId));
      if (outcome === 'unknown') continue;
      if (outcome === 'already-ended') this.logger.info({ grantId }, 'grant already ended on the chain (replay)');
      return;
    }
    this.logger.info({ grantId }, 'grant never registered on the chain: nothing to end');
  }
}
