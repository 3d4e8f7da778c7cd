import { readGatewayConfig } from './gateway.config';

const VALID = { NATS_URL: 'nats://127.0.0.1:4222', GATEWAY_ROLE_TOKENS: 'auditor:an-auditor-token-long-enough' };

describe('readGatewayConfig', () => {
  it('keeps the gateway on SQLite in its data directory when DATABASE_URL is unset', () => {
    expect(readGatewayConfig(VALID).databaseUrl).toBeUndefined();
  });

  it('puts the gateway on PostgreSQL when DATABASE_URL is set', () => {
    expect(readGatewayConfig({ ...VALID, DATABASE_URL: 'postgresql://gateway@db:5432/gateway' }).databaseUrl).toBe(
      'postgresql://gateway@db:5432/gateway',
    );
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, naming the variable', () => {
    expect(() => readGatewayConfig({ ...VALID, DATABASE_URL: 'sqlite:///var/gateway.sqlite' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
    expect(() => readGatewayConfig({ ...VALID, DATABASE_URL: 'postgres://db:5432/' })).toThrow(
      /DATABASE_URL names no database/,
    );
  });

  it('waits 30 s for a delivery ack unless DELIVERY_ACK_WAIT_MS says otherwise, and refuses less than a second', () => {
    expect(readGatewayConfig(VALID).deliveryAckWaitMs).toBe(30_000);
    expect(readGatewayConfig({ ...VALID, DELIVERY_ACK_WAIT_MS: '5000' }).deliveryAckWaitMs).toBe(5_000);
    expect(() => readGatewayConfig({ ...VALID, DELIVERY_ACK_WAIT_MS: '500' })).toThrow(/DELIVERY_ACK_WAIT_MS/);
  });
});
