import { startService } from '@carechain/runtime';

export function start() {
  return startService({
    name: 'ledger-writer',
    description: 'The only Fabric client: Merkle-batched anchoring of every domain event.',
    defaultPort: 3005,
  });
}
