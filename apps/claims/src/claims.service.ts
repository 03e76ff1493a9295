import { startService } from '@carechain/runtime';

export function start() {
  return startService({
    name: 'claims',
    description: 'Claims: the insurance claim lifecycle, endorsed by provider and payer.',
    defaultPort: 3004,
    parts: () => ({}),
  });
}
