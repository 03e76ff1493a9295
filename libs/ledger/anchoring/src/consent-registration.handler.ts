// Registers consent state on the chain: each grant, revocation and expiry on
// consent.grant.v1 becomes a ConsentContract transaction, in order per patient.
// Commitments use the patient's salt, so the chain shows that *a* grant to an
// organisation was valid at a time, and only someone holding the salt (the patient's
// services, until erasure) can tie it to the patient and its scope.
import { GRANT_EXPIRED_V1, GRANT_GRANTED_V1, GRANT_REVOKED_V1, type GrantGrantedV1 } from '@carechain/contracts';
import { commit } from '@carechain/crypto';
import type { BatchHandler, RecordBatch } from '@carechain/messaging';
import type { PatientKeyTable } from '@carechain/patient-keys';
import type { Logger } from '@carechain/telemetry';
import type { ConsentLedger } from './consent-ledger.port';

const KEY_WAIT_MS = 5_000;

/** What the scope commitment covers, in a fixed order, so a holder of the salt can recompute it. */
export function grantScopeBytes(g: Pick<GrantGrantedV1, 'categories' | 'purposes' | 'grantee'>): string {
  return JSON.stringify({ categories: [...g.categories].sort(), purposes: [...g.purposes].sort(), practitioner: g.grantee.practitioner ?? null });
}

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
          const registered = await this.ledger.register({
            grantId: g.grantId,
            patientCommitment: commit(salt, `patient:${g.patientId}`),
            scopeCommitment: commit(salt, grantScopeBytes(g)),
            granteeOrg: g.grantee.organisation,
            validFrom: g.validFrom,
            validUntil: g.validUntil ?? null,
            sourceEventId: event.id,
          });
          if (!registered) this.logger.info({ grantId: g.grantId }, 'grant already on the chain (replay)');
          continue;
        }
        case GRANT_REVOKED_V1:
        case GRANT_EXPIRED_V1: {
          const revoke = event.type === GRANT_REVOKED_V1;
          const at = revoke ? event.data.revokedAt : event.data.expiredAt;
          const changed = await this.ledger.end(event.data.grantId, revoke ? 'revoke' : 'expire', at, event.id);
          if (!changed) this.logger.info({ grantId: event.data.grantId }, 'grant already ended on the chain, or never registered');
          continue;
        }
        default:
          continue;
      }
    }
  }
}
