import { z } from 'zod';
import { ConfigError, loadConfig, redact, secret } from './load-config';
import { checkAuthConfig, serviceConfigShape } from './service-config';

describe('loadConfig', () => {
  it('applies defaults and coerces types', () => {
    const config = loadConfig(serviceConfigShape({ port: 3001 }), { KAFKA_BROKERS: 'a:1, b:2' });
    expect(config.PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.DOCS_UI).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig(serviceConfigShape({ port: 3001 }), { PORT: '' }).PORT).toBe(3001);
  });

  it('names every bad variable and hides secrets', () => {
    const shape = { PORT: z.coerce.number().int().max(65535), TOKEN: secret(z.string().min(10)) };
    try {
      loadConfig(shape, { PORT: '99999', TOKEN: 'short' });
      throw new Error('expected ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain('PORT="99999"');
      expect(message).toContain('TOKEN=(secret)');
      expect(message).not.toContain('short');
    }
  });

  it('redacts secrets for logging', () => {
    const shape = serviceConfigShape({ port: 1 });
    const config = loadConfig(shape, { REDIS_URL: 'redis://:pw@h:1' });
    expect(redact(shape, config).REDIS_URL).toBe('***');
  });

  it('reads the token rules and the rate limit, off unless set, and refuses unsafe ones', () => {
    const shape = serviceConfigShape({ port: 1 });
    const defaults = loadConfig(shape, {});
    expect([defaults.AUTH_ALGORITHMS, defaults.AUTH_CLOCK_TOLERANCE_SEC, defaults.RATE_LIMIT_PER_SECOND]).toEqual([['ES256', 'RS256', 'EdDSA'], 5, 0]);
    const set = loadConfig(shape, { AUTH_ALGORITHMS: 'ES256', AUTH_CLOCK_TOLERANCE_SEC: '30', RATE_LIMIT_PER_SECOND: '20', RATE_LIMIT_BURST: '50' });
    expect([set.AUTH_ALGORITHMS, set.AUTH_CLOCK_TOLERANCE_SEC, set.RATE_LIMIT_PER_SECOND, set.RATE_LIMIT_BURST]).toEqual([['ES256'], 30, 20, 50]);
    for (const bad of [
      { AUTH_ALGORITHMS: 'HS256' },
      { AUTH_ALGORITHMS: 'ES256,none' },
      { AUTH_CLOCK_TOLERANCE_SEC: '3600' },
      { RATE_LIMIT_PER_SECOND: '-1' },
    ]) {
      expect(() => loadConfig(shape, bad)).toThrow(Object.keys(bad)[0]);
    }
  });

  it('requires the key source the auth mode needs', () => {
    expect(checkAuthConfig({ AUTH_MODE: 'dev', AUTH_DEV_JWKS_FILE: undefined, AUTH_JWKS_URL: undefined })).toHaveLength(1);
    expect(checkAuthConfig({ AUTH_MODE: 'jwks', AUTH_DEV_JWKS_FILE: undefined, AUTH_JWKS_URL: 'https://x/jwks' })).toHaveLength(0);
  });
});
