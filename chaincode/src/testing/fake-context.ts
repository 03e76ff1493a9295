// A fabric-contract-api Context around a fake transaction. The contracts are typed to
// reach the stub only through their ledger ports (AnchorLedger, ConsentLedger) and
// the identity only through getMSPID, so the casts below hide nothing they could call.
import { Context } from 'fabric-contract-api';
import type { AnchorLedger } from '../anchor/anchor-ledger.port';
import type { ConsentLedger } from '../consent/consent-ledger.port';

export function fakeContext(ledger: AnchorLedger | ConsentLedger, mspId: string): Context {
  const ctx = new Context();
  ctx.stub = ledger as unknown as Context['stub'];
  ctx.clientIdentity = { getMSPID: () => mspId } as unknown as Context['clientIdentity'];
  return ctx;
}
