// A fabric-contract-api Context around a fake transaction. The contract is typed to
// reach the stub only through AnchorLedger and the identity only through getMSPID,
// so the casts below hide nothing the contract could call.
import { Context } from 'fabric-contract-api';
import type { AnchorLedger } from '../anchor/anchor-ledger.port';

export function fakeContext(ledger: AnchorLedger, mspId: string): Context {
  const ctx = new Context();
  ctx.stub = ledger as unknown as Context['stub'];
  ctx.clientIdentity = { getMSPID: () => mspId } as unknown as Context['clientIdentity'];
  return ctx;
}
