// The consent contract: the state of each consent grant, registered by ledger-writer
// from the consent service's events, so that any organisation's peer can tell
// whether a grant covered access at a given time. The chain holds per-grant
// commitments under the patient's salt, keyed by one too: nothing on it names the
// patient, the grantee, the scope, the grant id or the source event, and no two of a
// patient's grants share a value (chaincode/README.md, "What the chain stores").
// Deterministic by construction: no clock but the
// transaction timestamp and the times the writer supplies, no randomness, records
// serialised in a fixed key order.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  CONSENT_CONTRACT_NAME,
  GRANT_EXPIRED_EVENT,
  GRANT_REGISTERED_EVENT,
  GRANT_REVOKED_EVENT,
  type GrantEnd,
  type GrantRecord,
  type GrantStatusChange,
  serializeGrantRecord,
  serializeGrantValidity,
} from '@carechain/ledger-chaincode-api';
import type { ConsentLedger } from './consent-ledger.port';
import { ConsentError, ConsentErrorCode } from './consent.error';
import { parseGrantKey, parseGrantRegistration, parseGrantStatusChange, parseGrantTime } from './grant-arguments.parser';
import { grantValidityAt } from './grant-validity';
import { GrantRepository } from './grant.repository';

@Info({ title: 'ConsentContract', description: 'Consent grant state as salted commitments' })
export class ConsentContract extends Contract {
  constructor() {
    super(CONSENT_CONTRACT_NAME);
  }

  /**
   * Stores an active grant under its grant key and emits GrantRegistered. `validUntil`
   * is empty for an open-ended grant. A grant key already on the ledger is refused with GRANT_EXISTS,
   * which ledger-writer reads as "done" when it retries.
   */
  @Transaction()
  @Returns('string')
  async RegisterGrant(
    ctx: Context,
    grantKey: string,
    patientCommitment: string,
    scopeCommitment: string,
    granteeCommitment: string,
    validFrom: string,
    validUntil: string,
    eventCommitment: string,
  ): Promise<string> {
    const registration = parseGrantRegistration({ grantKey, patientCommitment, scopeCommitment, granteeCommitment, validFrom, validUntil, eventCommitment });
    const ledger: ConsentLedger = ctx.stub;
    const grants = new GrantRepository(ledger);
    if ((await grants.find(registration.grantKey)) !== undefined) {
      throw new ConsentError(ConsentErrorCode.GrantExists, `grant ${registration.grantKey} is already registered`);
    }
    const record: GrantRecord = {
      grantKey: registration.grantKey,
      patientCommitment: registration.patientCommitment,
      scopeCommitment: registration.scopeCommitment,
      granteeCommitment: registration.granteeCommitment,
      validFrom: registration.validFrom,
      validUntil: registration.validUntil,
      status: 'active',
      registeredAt: ledger.getDateTimestamp().toISOString(),
      registeredTxId: ledger.getTxID(),
      registeredEventCommitment: registration.eventCommitment,
      statusChangedAt: null,
      statusChangedTxId: null,
      statusChangedEventCommitment: null,
    };
    const json = await grants.save(record);
    emitStatus(ledger, GRANT_REGISTERED_EVENT, record);
    return json;
  }

  /**
   * Ends an active grant as revoked at `revokedAt` and emits GrantRevoked. A grant
   * already revoked is refused with ALREADY_REVOKED, one that expired with NOT_ACTIVE.
   */
  @Transaction()
  @Returns('string')
  async RevokeGrant(ctx: Context, grantKey: string, revokedAt: string, eventCommitment: string): Promise<string> {
    return endGrant(ctx.stub, 'revoked', parseGrantStatusChange(grantKey, revokedAt, 'revokedAt', eventCommitment));
  }

  /**
   * Ends an active grant as expired at `expiredAt` and emits GrantExpired. A grant
   * already expired is refused with ALREADY_EXPIRED, one that was revoked with NOT_ACTIVE.
   */
  @Transaction()
  @Returns('string')
  async ExpireGrant(ctx: Context, grantKey: string, expiredAt: string, eventCommitment: string): Promise<string> {
    return endGrant(ctx.stub, 'expired', parseGrantStatusChange(grantKey, expiredAt, 'expiredAt', eventCommitment));
  }

  /** The record JSON of one grant. */
  @Transaction(false)
  @Returns('string')
  async GetGrant(ctx: Context, grantKey: string): Promise<string> {
    return serializeGrantRecord(await findGrant(ctx.stub, parseGrantKey(grantKey)));
  }

  /**
   * `{"grantKey":…,"valid":…,"reason":…}`: whether the grant covered access at `time`.
   * The caller derives the grant key from the grant id and the patient's salt.
   */
  @Transaction(false)
  @Returns('string')
  async WasGrantValidAt(ctx: Context, grantKey: string, time: string): Promise<string> {
    const id = parseGrantKey(grantKey);
    const at = parseGrantTime(time, 'time');
    return serializeGrantValidity(grantValidityAt(await findGrant(ctx.stub, id), at));
  }
}

const END_EVENTS: Record<GrantEnd, string> = { revoked: GRANT_REVOKED_EVENT, expired: GRANT_EXPIRED_EVENT };
const ALREADY: Record<GrantEnd, ConsentErrorCode> = { revoked: ConsentErrorCode.AlreadyRevoked, expired: ConsentErrorCode.AlreadyExpired };

async function findGrant(ledger: ConsentLedger, grantKey: string): Promise<GrantRecord> {
  const record = await new GrantRepository(ledger).find(grantKey);
  if (record === undefined) {
    throw new ConsentError(ConsentErrorCode.GrantNotFound, `no grant ${grantKey}`);
  }
  return record;
}

/** Only an active grant ends; both ends are final. */
async function endGrant(ledger: ConsentLedger, end: GrantEnd, change: GrantStatusChange): Promise<string> {
  const current = await findGrant(ledger, change.grantKey);
  if (current.status !== 'active') {
    // Names the stored change so the writer can tell its own earlier success from another event's.
    const how = `was ${current.status} at ${current.statusChangedAt} by event ${current.statusChangedEventCommitment} in tx ${current.statusChangedTxId}`;
    const code = current.status === end ? ALREADY[end] : ConsentErrorCode.NotActive;
    throw new ConsentError(code, `grant ${change.grantKey} ${how}`);
  }
  const record: GrantRecord = {
    ...current,
    status: end,
    statusChangedAt: change.at,
    statusChangedTxId: ledger.getTxID(),
    statusChangedEventCommitment: change.eventCommitment,
  };
  const json = await new GrantRepository(ledger).save(record);
  emitStatus(ledger, END_EVENTS[end], record);
  return json;
}

/** Events carry the grant key and the new status only: listeners read the rest with GetGrant. */
function emitStatus(ledger: ConsentLedger, name: string, record: GrantRecord): void {
  ledger.setEvent(name, Buffer.from(JSON.stringify({ grantKey: record.grantKey, status: record.status }), 'utf8'));
}
