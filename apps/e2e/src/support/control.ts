// The test runner's control endpoint (tools/test/infra.ts): stop and start the
// Fabric peers, pause and resume the Kafka broker, fetch the channel's blocks.
import { testEnv } from './test-env';

async function call(method: 'GET' | 'POST', path: string): Promise<unknown> {
  const res = await fetch(`${testEnv('CARECHAIN_TEST_CONTROL_URL')}${path}`, { method });
  if (!res.ok) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Every organisation's peer, or only `org`'s. */
export const stopPeers = (org?: 'ProviderOrg' | 'PayerOrg') => call('POST', `/fabric/peers/stop${org ? `?org=${org}` : ''}`);
export const startPeers = (org?: 'ProviderOrg' | 'PayerOrg') => call('POST', `/fabric/peers/start${org ? `?org=${org}` : ''}`);
export const pauseKafka = () => call('POST', '/kafka/pause');
export const resumeKafka = () => call('POST', '/kafka/resume');
export async function channelBlocks(): Promise<Buffer[]> {
  const { blocks } = (await call('GET', '/fabric/blocks')) as { blocks: string[] };
  return blocks.map((b) => Buffer.from(b, 'base64'));
}
