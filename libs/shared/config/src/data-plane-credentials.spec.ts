import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';
import { dataPlaneConfigShape, kafkaSecurityOf, redisAuthOf } from './data-plane-credentials';

const dir = mkdtempSync(join(tmpdir(), 'carechain-config-'));
const file = join(dir, 'pw');
writeFileSync(file, 's3cret-from-a-file\n');
const load = (env: Record<string, string>) => loadConfig(dataPlaneConfigShape, env);

describe('data-plane credentials', () => {
  it('is an unauthenticated client unless a mechanism is named', () => {
    expect(kafkaSecurityOf(load({}))).toEqual({});
    expect(redisAuthOf(load({}))).toEqual({});
  });

  it('reads the password from its file, without the trailing newline', () => {
    const config = load({
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'records',
      KAFKA_SASL_PASSWORD_FILE: file,
      REDIS_USERNAME: 'records',
      REDIS_PASSWORD_FILE: file,
    });
    expect(kafkaSecurityOf(config)).toEqual({ sasl: { mechanism: 'scram-sha-512', username: 'records', password: 's3cret-from-a-file' } });
    expect(redisAuthOf(config)).toEqual({ username: 'records', password: 's3cret-from-a-file' });
  });

  it('names what is missing, and never echoes a password', () => {
    expect(() => kafkaSecurityOf(load({ KAFKA_SASL_MECHANISM: 'scram-sha-512' }))).toThrow(/KAFKA_SASL_USERNAME[\s\S]*KAFKA_SASL_PASSWORD_FILE/);
    expect(() =>
      kafkaSecurityOf(load({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'x', KAFKA_SASL_PASSWORD_FILE: join(dir, 'absent') })),
    ).toThrow(ConfigError);
    try {
      loadConfig(dataPlaneConfigShape, { REDIS_PASSWORD: '', KAFKA_SASL_MECHANISM: 'nope', KAFKA_SASL_PASSWORD: 'hunter2-hunter2' });
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2');
    }
    expect(() => redisAuthOf(load({ REDIS_USERNAME: 'records' }))).toThrow(/REDIS_PASSWORD_FILE/);
  });

  it('trusts a private CA for TLS when one is given', () => {
    writeFileSync(join(dir, 'ca.pem'), 'PEM');
    expect(kafkaSecurityOf(load({ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: join(dir, 'ca.pem') }))).toEqual({ tls: { ca: 'PEM' } });
    expect(kafkaSecurityOf(load({ KAFKA_TLS: 'true' }))).toEqual({ tls: {} });
  });
});
