// The consent contract: the state of each consent grant, registered by ledger-writer
// from the consent service's events, so that any organisation's peer can tell
// whether a grant covered access at a given time. The chain holds commitments, not
// the patient or the scope. Deterministic by construction: no clock but the
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
import { parseGrantId, parseGrantRegistration, parseGrantStatusChange, parseGrantTime } from './grant-arguments.parser';
import { grantValidityAt } from './grant-validity';
import { GrantRepository } from './grant.repository';

@Info({ title: 'ConsentContract', description: 'Consent grant state as salted commitments' })
export class ConsentContract extends Contract {
  constructor() {
    super(CONSENT_CONTRACT_NAME);
  }

  /**
   * Stores an active grant and emits GrantRegistered. `validUntil` is empty for an
   * open-ended grant. A grant id already on the ledger is refused with GRANT_EXISTS,
   * which ledger-writer reads as "done" when it retries.
   */
  @Transaction()
  @Returns('string')
  async RegisterGrant(
    ctx: Context,
    grantId: string,
    patientCommitment: string,
    scopeCommitment: string,
    granteeOrg: string,
    validFrom: string,
    validUntil: string,
    sourceEventId: string,
  ): Promise<string> {
    const registration = parseGrantRegistration({ grantId, patientCommitment, scopeCommitment, granteeOrg, validFrom, validUntil, sourceEventId });
    const ledger: ConsentLedger = ctx.stub;
    const grants = new GrantRepository(ledger);
    if ((await grants.find(registration.grantId)) !== undefined) {
      throw new ConsentError(ConsentErrorCode.GrantExists, `grant ${registration.grantId} is already registered`);
    }
    const record: GrantRecord = {
      grantId: registration.grantId,
      patientCommitment: registration.patientCommitment,
      scopeCommitment: registration.scopeCommitment,
      granteeOrg: registration.granteeOrg,
      validFrom: registration.validFrom,
      validUntil: registration.validUntil,
      status: 'active',
      registeredAt: ledger.getDateTimestamp().toISOString(),
      registeredTxId: ledger.getTxID(),
      registeredSourceEventId: registration.sourceEventId,
      statusChangedAt: null,
      statusChangedTxId: null,
      statusChangedSourceEventId: null,
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
  async RevokeGrant(ctx: Context, grantId: string, revokedAt: string, sourceEventId: string): Promise<string> {
    return endGrant(ctx.stub, 'revoked', parseGrantStatusChange(grantId, revokedAt, 'revokedAt', sourceEventId));
  }

  /**
   * Ends an active grant as expired at `expiredAt` and emits GrantExpired. A grant
   * already expired is refused with ALREADY_EXPIRED, one that was revoked with NOT_ACTIVE.
   */
  @Transaction()
  @Returns('string')
  async ExpireGrant(ctx: Context, grantId: string, expiredAt: string, sourceEventId: string): Promise<string> {
    return endGrant(ctx.stub, 'expired', parseGrantStatusChange(grantId, expiredAt, 'expiredAt', sourceEventId));
  }

  /** The record JSON of one grant. */
  @Transaction(false)
  @Returns('string')
  async GetGrant(ctx: Context, grantId: string): Promise<string> {
    return serializeGrantRecord(await findGrant(ctx.stub, parseGrantId(grantId)));
  }

  /** `{"grantId":…,"valid":…,"reason":…}`: whether the grant covered access at `time`. */
  @Transaction(false)
  @Returns('string')
  async WasGrantValidAt(ctx: Context, grantId: string, time: string): Promise<string> {
    const id = parseGrantId(grantId);
    const at = parseGrantTime(time, 'time');
    return serializeGrantValidity(grantValidityAt(await findGrant(ctx.stub, id), at));
  }
}

const END_EVENTS: Record<GrantEnd, string> = { revoked: GRANT_REVOKED_EVENT, expired: GRANT_EXPIRED_EVENT };
const ALREADY: Record<GrantEnd, ConsentErrorCode> = { revoked: ConsentErrorCode.AlreadyRevoked, expired: ConsentErrorCode.AlreadyExpired };

async function findGrant(ledger: ConsentLedger, grantId: string): Promise<GrantRecord> {
  const record = await new GrantRepository(ledger).find(grantId);
  if (record === undefined) {
    throw new ConsentError(ConsentErrorCode.GrantNotFound, `no grant ${grantId}`);
  }
  return record;
}

/** Only an active grant ends; both ends are final. */
async function endGrant(ledger: ConsentLedger, end: GrantEnd, change: GrantStatusChange): Promise<string> {
  const current = await findGrant(ledger, change.grantId);
  if (current.status !== 'active') {
    // Names the stored change so the writer can tell its own earlier success from another event's.
    const how = `was ${current.status} at ${current.statusChangedAt} by event ${current.statusChangedSourceEventId} in tx ${current.statusChangedTxId}`;
    const code = current.status === end ? ALREADY[end] : ConsentErrorCode.NotActive;
    throw new ConsentError(code, `grant ${change.grantId} ${how}`);
  }
  const record: GrantRecord = {
    ...current,
    status: end,
    statusChangedAt: change.at,
    statusChangedTxId: ledger.getTxID(),
    statusChangedSourceEventId: change.sourceEventId,
  };
  const json = await new GrantRepository(ledger).save(record);
  emitStatus(ledger, END_EVENTS[end], record);
  return json;
}

/** Events carry the id and the new status only: listeners read the rest with GetGrant. */
function emitStatus(ledger: ConsentLedger, name: string, record: GrantRecord): void {
  ledger.setEvent(name, Buffer.from(JSON.stringify({ grantId: record.grantId, status: record.status }), 'utf8'));
}
