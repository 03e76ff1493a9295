// ConsentLedger on Fabric: the `consent` contract of the carechain chaincode,
// through the same gateway connection settings as anchoring. Each call waits for the
// commit status. The contract's refusals (GRANT_EXISTS, ALREADY_REVOKED, …) mean a
// replay after a crash, and are answered as "already done".
import { CONSENT_CONTRACT_NAME, ConsentErrorCode, ConsentFunction, type GrantRecord, refusalIn } from '@carechain/ledger-chaincode-api';
import { TransientError } from '@carechain/messaging';
import type { ConsentLedger, GrantRegistration, GrantTransition } from './consent-ledger.port';
import { detailsOf, FabricGateway, type FabricConnection } from './fabric-gateway';

/** Refusals that mean the transition already happened (a replay), or cannot happen to a grant never registered. */
const ENDED: readonly ConsentErrorCode[] = [ConsentErrorCode.AlreadyRevoked, ConsentErrorCode.AlreadyExpired, ConsentErrorCode.NotActive, ConsentErrorCode.GrantNotFound];

export class FabricConsentLedger implements ConsentLedger {
  private readonly gateway: FabricGateway;

  constructor(connection: FabricConnection) {
    this.gateway = new FabricGateway(connection);
  }

  async register(g: GrantRegistration): Promise<boolean> {
    const args = [g.grantId, g.patientCommitment, g.scopeCommitment, g.granteeOrg, new Date(g.validFrom).toISOString(), g.validUntil ? new Date(g.validUntil).toISOString() : '', g.sourceEventId];
    return this.submit(ConsentFunction.RegisterGrant, args, [ConsentErrorCode.GrantExists]);
  }

  async end(grantId: string, transition: GrantTransition, at: string, sourceEventId: string): Promise<boolean> {
    const fn = transition === 'revoke' ? ConsentFunction.RevokeGrant : ConsentFunction.ExpireGrant;
    return this.submit(fn, [grantId, new Date(at).toISOString(), sourceEventId], ENDED);
  }

  async getGrant(grantId: string): Promise<GrantRecord | undefined> {
    try {
      const bytes = await this.gateway.contract(CONSENT_CONTRACT_NAME).evaluateTransaction(ConsentFunction.GetGrant, grantId);
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as GrantRecord;
    } catch (err) {
      if (refusalIn(detailsOf(err), [ConsentErrorCode.GrantNotFound])) return undefined;
      throw err;
    }
  }

  private async submit(fn: ConsentFunction, args: string[], alreadyDone: readonly ConsentErrorCode[]): Promise<boolean> {
    try {
      const submitted = await this.gateway.contract(CONSENT_CONTRACT_NAME).submitAsync(fn, { arguments: args });
      const status = await submitted.getStatus();
      if (!status.successful) throw new TransientError(`${fn} transaction ${status.transactionId} was not committed: validation code ${status.code}`);
      return true;
    } catch (err) {
      if (refusalIn(detailsOf(err), alreadyDone)) return false;
      throw err;
    }
  }

  close(): void {
    this.gateway.close();
  }
}
