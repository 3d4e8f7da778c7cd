import { resolve } from 'node:path';
import { readEvaluatorConfig } from './evaluator.config';

const VALID = { NATS_URL: 'nats://127.0.0.1:4222' };

describe('readEvaluatorConfig', () => {
  it('applies the defaults', () => {
    expect(readEvaluatorConfig(VALID)).toEqual({
      port: 3003,
      natsUrl: 'nats://127.0.0.1:4222',
      nats: {},
      dataDir: resolve('var/evaluator'),
      ratePerSecond: 200,
      burst: 2000,
      activityLogMs: 60_000,
    });
  });

  it('reads every variable, broker credentials as the other services do', () => {
    expect(
      readEvaluatorConfig({
        ...VALID,
        EVALUATOR_PORT: '0',
        EVALUATOR_DATA_DIR: '/tmp/evaluator',
        EVALUATOR_RATE_PER_SECOND: '5',
        EVALUATOR_BURST: '300',
        EVALUATOR_ACTIVITY_LOG_MS: '1000',
        NATS_USER: 'evaluator',
        NATS_PASSWORD: 'secret',
        NATS_INBOX_PREFIX: '_INBOX_evaluator',
        NATS_TLS_CA: '/etc/ca.pem',
      }),
    ).toEqual({
      port: 0,
      natsUrl: 'nats://127.0.0.1:4222',
      nats: { user: 'evaluator', pass: 'secret', inboxPrefix: '_INBOX_evaluator', tlsCaFile: '/etc/ca.pem' },
      dataDir: '/tmp/evaluator',
      ratePerSecond: 5,
      burst: 300,
      activityLogMs: 1000,
    });
  });

  it('names every bad variable in one error; a burst below one full batch is refused', () => {
    expect(() =>
      readEvaluatorConfig({ EVALUATOR_PORT: 'http', EVALUATOR_RATE_PER_SECOND: '0', EVALUATOR_BURST: '255' }),
    ).toThrow(
      [
        'invalid configuration:',
        '  - EVALUATOR_PORT must be an integer, got "http"',
        '  - NATS_URL is required',
        '  - EVALUATOR_RATE_PER_SECOND must be ≥ 1',
        '  - EVALUATOR_BURST must be ≥ 256',
      ].join('\n'),
    );
  });
});
