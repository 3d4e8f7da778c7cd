import { loadNodeConfig, nodeRoleTokens } from './node.config';

const TOKENS = 'officer:officer-token-0123456789,reviewer:reviewer-token-0123456789';

describe('loadNodeConfig', () => {
  it('applies the defaults around the three required variables', () => {
    expect(loadNodeConfig({ NODE_CODE: 'MR', NATS_URL: 'nats://127.0.0.1:4222', NODE_ROLE_TOKENS: TOKENS })).toEqual({
      code: 'MR',
      port: 3100,
      activityAnchorMs: 60_000,
      natsUrl: 'nats://127.0.0.1:4222',
      nats: {},
      dataDir: 'var/node-MR',
      enrolmentToken: undefined,
      directoryStalenessMs: 30_000,
      messageTtlMs: 7 * 86_400_000,
      republishIntervalMs: 5_000,
      consumerWaitMs: 120_000,
      reportDeadlineMs: 60_000,
      receiptDeadlineMs: 3_600_000,
      republishMaxAttempts: 6,
      clockSkewMs: 120_000,
      deadLetterAfter: 5,
      deadLetterLimit: 10_000,
      roleTokens: TOKENS,
      hitDeadlineMs: 600_000,
      hitSweepIntervalMs: 5_000,
      renewal: { renewBeforeDays: 60, warnBeforeDays: 30, checkIntervalMs: 3_600_000 },
      evaluatorTimeoutMs: 2_000,
      events: { maxStreams: 500, maxPerPerson: 5, heartbeatMs: 20_000 },
      // No source for evidence exports: they answer 503 naming the variables.
      evidence: {},
      // Directive (EU) 2023/977: 8 hours, 3 days, 7 days.
      requests: { immediateMs: 28_800_000, urgentMs: 259_200_000, routineMs: 604_800_000, sweepIntervalMs: 60_000 },
    });
  });

  it('reads the request deadlines, and refuses one under a second', () => {
    const env = { NODE_CODE: 'MR', NATS_URL: 'nats://h:1', NODE_ROLE_TOKENS: TOKENS };
    expect(
      loadNodeConfig({
        ...env,
        NODE_REQUEST_DUE_IMMEDIATE_MS: '3600000',
        NODE_REQUEST_DUE_URGENT_MS: '86400000',
        NODE_REQUEST_DUE_ROUTINE_MS: '172800000',
        NODE_REQUEST_SWEEP_INTERVAL_MS: '500',
      }).requests,
    ).toEqual({ immediateMs: 3_600_000, urgentMs: 86_400_000, routineMs: 172_800_000, sweepIntervalMs: 500 });
    expect(() => loadNodeConfig({ ...env, NODE_REQUEST_DUE_URGENT_MS: '10' })).toThrow(
      /NODE_REQUEST_DUE_URGENT_MS must be ≥ 1000/,
    );
  });

  it('reads broker credentials, and wants the password with the user', () => {
    const env = {
      NODE_CODE: 'MR',
      NATS_URL: 'nats://h:1',
      NATS_USER: 'node-MR',
      NATS_PASSWORD: 'secret',
      NATS_INBOX_PREFIX: '_INBOX_MR',
      NODE_ROLE_TOKENS: TOKENS,
    };
    expect(loadNodeConfig(env).nats).toEqual({ user: 'node-MR', pass: 'secret', inboxPrefix: '_INBOX_MR' });
    expect(() => loadNodeConfig({ ...env, NATS_PASSWORD: '' })).toThrow(/NATS_PASSWORD is required/);
  });

  it('reads NATS_REPLICAS for the streams it keeps, and refuses a count JetStream cannot have', () => {
    const env = { NODE_CODE: 'XH', NATS_URL: 'nats://a:1,nats://b:2,nats://c:3', NODE_ROLE_TOKENS: TOKENS };
    expect(loadNodeConfig({ ...env, NATS_REPLICAS: '3' }).natsReplicas).toBe(3);
    expect(() => loadNodeConfig({ ...env, NATS_REPLICAS: '7' })).toThrow(/NATS_REPLICAS must be ≤ 5/);
    expect(() => loadNodeConfig({ ...env, NATS_REPLICAS: '0' })).toThrow(/NATS_REPLICAS must be ≥ 1/);
  });

  it('runs on PostgreSQL when DATABASE_URL is set, and names a URL that is not PostgreSQL', () => {
    const env = { NODE_CODE: 'MR', NATS_URL: 'nats://h:1', NODE_ROLE_TOKENS: TOKENS };
    expect(loadNodeConfig(env).databaseUrl).toBeUndefined();
    expect(loadNodeConfig({ ...env, DATABASE_URL: 'postgres://node@db:5432/node_mr' }).databaseUrl).toBe(
      'postgres://node@db:5432/node_mr',
    );
    expect(() => loadNodeConfig({ ...env, DATABASE_URL: 'mysql://node@db/node_mr' })).toThrow(
      'DATABASE_URL must be a postgres:// URL',
    );
  });

  it('reads every variable', () => {
    const config = loadNodeConfig({
      NODE_CODE: 'FR',
      NODE_PORT: '0',
      NATS_URL: 'nats://a:1,nats://b:2',
      NODE_DATA_DIR: '/tmp/fr',
      ENROLMENT_TOKEN: 'token-token-token-1',
      DIRECTORY_STALENESS_MS: '1000',
      MESSAGE_TTL_MS: '60000',
      REPUBLISH_INTERVAL_MS: '250',
      REPORT_DEADLINE_MS: '2000',
      RECEIPT_DEADLINE_MS: '3000',
      REPUBLISH_MAX_ATTEMPTS: '3',
      NODE_HIT_DEADLINE_MS: '120000',
      NODE_HIT_SWEEP_INTERVAL_MS: '1000',
      NODE_ROLE_TOKENS: TOKENS,
      NODE_EVALUATOR_TIMEOUT_MS: '500',
    });
    expect(config).toMatchObject({
      code: 'FR',
      port: 0,
      dataDir: '/tmp/fr',
      enrolmentToken: 'token-token-token-1',
      messageTtlMs: 60_000,
      republishIntervalMs: 250,
    });
    expect(config).toMatchObject({ reportDeadlineMs: 2_000, receiptDeadlineMs: 3_000, republishMaxAttempts: 3 });
    expect(config).toMatchObject({ hitDeadlineMs: 120_000, hitSweepIntervalMs: 1_000 });
    expect(config.evaluatorTimeoutMs).toBe(500);
  });

  it('lists every bad variable in one error', () => {
    let message = '';
    try {
      loadNodeConfig({ NODE_CODE: 'france', NODE_PORT: 'eighty', MESSAGE_TTL_MS: '0' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('NODE_CODE must match');
    expect(message).toContain('NATS_URL is required');
    expect(message).toContain('NODE_PORT must be an integer');
    expect(message).toContain('MESSAGE_TTL_MS must be ≥ 1');
    expect(message).toContain('NODE_ROLE_TOKENS is required');
  });

  it('reads the role tokens, and names a bad list without quoting its tokens', () => {
    const env = { NODE_CODE: 'MR', NATS_URL: 'nats://h:1' };
    const tokens = nodeRoleTokens(loadNodeConfig({ ...env, NODE_ROLE_TOKENS: TOKENS }));
    expect(tokens.roleOf('officer-token-0123456789')).toBe('officer');
    expect(tokens.roleOf('reviewer-token-0123456789')).toBe('reviewer');
    for (const bad of ['officer:short-secret', 'root:root-token-0123456789', 'officer-token-0123456789']) {
      let message = '';
      try {
        loadNodeConfig({ ...env, NODE_ROLE_TOKENS: bad });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('NODE_ROLE_TOKENS must match');
      expect(message).not.toContain(bad);
    }
  });
});
