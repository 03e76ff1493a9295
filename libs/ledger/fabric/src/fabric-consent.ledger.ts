// ConsentLedger on Fabric: the `consent` contract of the carechain chaincode,
// through the same gateway connection settings as anchoring. Each call waits for the
// commit status. The contract's refusals (GRANT_EXISTS, ALREADY_REVOKED, …) mean a
// replay after a crash, and are answered as "already done". Every call names a grant
// by its grant key (grantKeyOf), never by its id.
import {
  CONSENT_CONTRACT_NAME,
  ConsentErrorCode,
  ConsentFunction,
  type ConsentLedger,
  type GrantEndOutcome,
  type GrantRecord,
  type GrantRegistration,
  type GrantTransition,
  type GrantValidity,
  refusalIn,
} from '@carechain/ledger-chaincode-api';
import { detailsOf, FabricGateway, type FabricConnection } from './fabric-gateway';

/** Refusals that mean the grant had already ended: a replay, or it ended the other way first. */
const ENDED: readonly ConsentErrorCode[] = [ConsentErrorCode.AlreadyRevoked, ConsentErrorCode.AlreadyExpired, ConsentErrorCode.NotActive];

export class FabricConsentLedger implements ConsentLedger {
  private readonly gateway: FabricGateway;

  constructor(connection: FabricConnection) {
    this.gateway = new FabricGateway(connection);
  }

  async register(g: GrantRegistration): Promise<boolean> {
    const args = [g.grantKey, g.patientCommitment, g.scopeCommitment, g.granteeCommitment, g.validFrom, g.validUntil ?? '', g.eventCommitment];
    return (await this.submit(ConsentFunction.RegisterGrant, args, [ConsentErrorCode.GrantExists])) === undefined;
  }

  async end(grantKey: string, transition: GrantTransition, at: string, eventCommitment: string): Promise<GrantEndOutcome> {
    const fn = transition === 'revoke' ? ConsentFunction.RevokeGrant : ConsentFunction.ExpireGrant;
    const refused = await this.submit(fn, [grantKey, at, eventCommitment], [...ENDED, ConsentErrorCode.GrantNotFound]);
    return refused === undefined ? 'ended' : refused === ConsentErrorCode.GrantNotFound ? 'unknown' : 'already-ended';
  }

  async getGrant(grantKey: string): Promise<GrantRecord | undefined> {
    try {
      const bytes = await this.gateway.contract(CONSENT_CONTRACT_NAME).evaluateTransaction(ConsentFunction.GetGrant, grantKey);
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as GrantRecord;
    } catch (err) {
      if (refusalIn(detailsOf(err), [ConsentErrorCode.GrantNotFound])) return undefined;
      throw err;
    }
  }

  /** WasGrantValidAt: whether the grant under `grantKey` covered access at `time` (ISO-8601 UTC with milliseconds). */
  async validityAt(grantKey: string, time: string): Promise<GrantValidity> {
    const bytes = await this.gateway.contract(CONSENT_CONTRACT_NAME).evaluateTransaction(ConsentFunction.WasGrantValidAt, grantKey, time);
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as GrantValidity;
  }

  /** Undefined once committed; the refusal's code when the contract refused with one of `expected`. */
  private async submit(fn: ConsentFunction, args: string[], expected: readonly ConsentErrorCode[]): Promise<ConsentErrorCode | undefined> {
    try {
      await this.gateway.submitAndCommit(CONSENT_CONTRACT_NAME, fn, args, (err) => refusalIn(detailsOf(err), expected) !== undefined);
      return undefined;
    } catch (err) {
      const refused = refusalIn(detailsOf(err), expected);
      if (refused !== undefined) return refused;
      throw err;
    }
  }

  close(): void {
    this.gateway.close();
  }
}
