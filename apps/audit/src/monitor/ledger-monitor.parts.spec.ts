import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@carechain/config';
import { auditConfigShape } from '../audit.config';
import { ledgerMonitorParts } from './ledger-monitor.parts';

const network = join(mkdtempSync(join(tmpdir(), 'monitor-parts-')), 'network.json');
writeFileSync(network, JSON.stringify({ orgs: { ProviderOrg: {}, PayerOrg: {} } }));
const settings = (env: Record<string, string>) => loadConfig(auditConfigShape, env);

describe('the completeness monitor’s part of audit', () => {
  it('is absent without peers to read, and then needs no salts', () => {
    expect(ledgerMonitorParts(settings({}))).toEqual({ controllers: [], providers: [] });
  });

  it('refuses to run without the salts it recomputes sampled leaves with, naming both variables', () => {
    const run = () => ledgerMonitorParts(settings({ AUDIT_MONITOR_NETWORK_FILE: network }));
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/KMS_KEYRING_FILE is required[\s\S]*LEDGER_COMMITMENT_KEY is required/);
    expect(() => ledgerMonitorParts(settings({ AUDIT_MONITOR_NETWORK_FILE: network, KMS_KEYRING_FILE: '/kms/keyring.json' }))).toThrow(
      /^(?![\s\S]*KMS_KEYRING_FILE)[\s\S]*LEDGER_COMMITMENT_KEY/,
    );
  });

  it('with peers and salts: the replica of the anchored topics and the keys, and the runner', () => {
    const parts = ledgerMonitorParts(
      settings({ AUDIT_MONITOR_NETWORK_FILE: network, KMS_KEYRING_FILE: '/kms/keyring.json', LEDGER_COMMITMENT_KEY: 'ab'.repeat(32) }),
    );
    expect(parts.controllers).toHaveLength(1);
    expect(parts.providers).toHaveLength(2);
  });
});
