import { join, resolve } from 'node:path';
import { readRegistryConfig } from './registry.config';

const VALID = { NATS_URL: 'nats://127.0.0.1:4222', REGISTRY_ADMIN_TOKEN: 'a-long-enough-admin-token' };

describe('readRegistryConfig', () => {
  it('applies the defaults', () => {
    expect(readRegistryConfig(VALID)).toEqual({
      port: 3001,
      activityAnchorMs: 60_000,
      statusStatementTtlMs: 86_400_000,
      directoryTtlMs: 86_400_000,
      dataDir: resolve('var/registry'),
      natsUrl: 'nats://127.0.0.1:4222',
      nats: {},
      adminToken: 'a-long-enough-admin-token',
      caFiles: { certificate: resolve('certs/ca.crt'), privateKey: resolve('certs/ca.key') },
      heartbeatMs: 2000,
      certValidityDays: 365,
      certOverlapDays: 7,
    });
  });

  it('reads every variable', () => {
    const config = readRegistryConfig({
      ...VALID,
      NATS_URL: 'nats://a:4222,nats://b:4222',
      REGISTRY_PORT: '0',
      REGISTRY_DATA_DIR: '/tmp/registry',
      CA_CERT_FILE: '/etc/ca.pem',
      CA_KEY_FILE: '/etc/ca.key',
      REGISTRY_HEARTBEAT_MS: '500',
      CERT_VALIDITY_DAYS: '30',
      CERT_OVERLAP_DAYS: '2',
    });
    expect(config).toMatchObject({
      port: 0,
      dataDir: '/tmp/registry',
      natsUrl: 'nats://a:4222,nats://b:4222',
      caFiles: { certificate: '/etc/ca.pem', privateKey: join('/etc', 'ca.key') },
      heartbeatMs: 500,
      certValidityDays: 30,
      certOverlapDays: 2,
    });
  });

  it('names every bad variable in one error, without the token', () => {
    let message = '';
    try {
      readRegistryConfig({
        REGISTRY_PORT: 'http',
        REGISTRY_ADMIN_TOKEN: 'short-secret',
        REGISTRY_HEARTBEAT_MS: '1.5',
        CERT_VALIDITY_DAYS: '0',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const variable of [
      'REGISTRY_PORT',
      'NATS_URL',
      'REGISTRY_ADMIN_TOKEN',
      'REGISTRY_HEARTBEAT_MS',
      'CERT_VALIDITY_DAYS',
    ]) {
      expect(message).toContain(variable);
    }
    expect(message).not.toContain('short-secret');
  });

  it('refuses a NATS_URL that is not a NATS URL', () => {
    expect(() => readRegistryConfig({ ...VALID, NATS_URL: 'localhost:4222' })).toThrow(/NATS_URL must match/);
  });

  it('puts the registry on PostgreSQL when DATABASE_URL is set, and refuses a DATABASE_URL that is not PostgreSQL by name', () => {
    expect(readRegistryConfig({ ...VALID, DATABASE_URL: 'postgres://registry@db:5432/registry' }).databaseUrl).toBe(
      'postgres://registry@db:5432/registry',
    );
    expect(() => readRegistryConfig({ ...VALID, DATABASE_URL: 'mysql://db/registry' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
  });
});
