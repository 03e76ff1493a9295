// ConsentLedger on Fabric: the `consent` contract of the carechain chaincode,
// through the same gateway connection settings as anchoring. Each call waits for the
// commit status. The contract's refusals (GRANT_EXISTS, ALREADY_REVOKED, …) mean a
// replay after a crash, and are answered as "already done".
import { TransientError } from '@carechain/messaging';
import type { ConsentLedger, GrantRegistration, GrantTransition } from './consent-ledger.port';
import { detailsOf, FabricGateway, type FabricConnection } from './fabric-gateway';

const CONSENT_CONTRACT = 'consent';

export class FabricConsentLedger implements ConsentLedger {
  private readonly gateway: FabricGateway;

  constructor(connection: FabricConnection) {
    this.gateway = new FabricGateway(connection);
  }

  async register(g: GrantRegistration): Promise<boolean> {
    const args = [g.grantId, g.patientCommitment, g.scopeCommitment, g.granteeOrg, new Date(g.validFrom).toISOString(), g.validUntil ? new Date(g.validUntil).toISOString() : '', g.sourceEventId];
    return this.submit('RegisterGrant', args, /\bGRANT_EXISTS:/);
  }

  async end(grantId: string, transition: GrantTransition, at: string, sourceEventId: string): Promise<boolean> {
    const fn = transition === 'revoke' ? 'RevokeGrant' : 'ExpireGrant';
    return this.submit(fn, [grantId, new Date(at).toISOString(), sourceEventId], /\b(ALREADY_REVOKED|ALREADY_EXPIRED|NOT_ACTIVE|GRANT_NOT_FOUND):/);
  }

  async getGrant(grantId: string): Promise<Record<string, unknown> | undefined> {
    try {
      const bytes = await this.gateway.contract(CONSENT_CONTRACT).evaluateTransaction('GetGrant', grantId);
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
    } catch (err) {
      if (/\bGRANT_NOT_FOUND:/.test(detailsOf(err))) return undefined;
      throw err;
    }
  }

  private async submit(fn: string, args: string[], alreadyDone: RegExp): Promise<boolean> {
    try {
      const submitted = await this.gateway.contract(CONSENT_CONTRACT).submitAsync(fn, { arguments: args });
      const status = await submitted.getStatus();
      if (!status.successful) throw new TransientError(`${fn} transaction ${status.transactionId} was not committed: validation code ${status.code}`);
      return true;
    } catch (err) {
      if (alreadyDone.test(detailsOf(err))) return false;
      throw err;
    }
  }

  close(): void {
    this.gateway.close();
  }
}
