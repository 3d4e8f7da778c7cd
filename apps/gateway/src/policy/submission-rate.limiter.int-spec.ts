import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { PreparedRules } from '@bureaunet/policy';
import { SerialWriter, dataSourceOptions, migrateSchema } from '@bureaunet/persistence';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import { GATEWAY_MIGRATIONS } from '../migrations';
import { GATEWAY_POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { SenderRateBucketEntity } from './sender-rate-bucket.entity';
import { SenderRateBucketRepository } from './sender-rate-bucket.repository';
import { SubmissionRateLimiter } from './submission-rate.limiter';

const rules = { limitFor: () => ({ messagesPerMinute: 6, recipientsPerMessage: 3 }) } as unknown as PreparedRules;

/** A gateway's limiter: its own connection to the shared database, the test's clock. */
describe('SubmissionRateLimiter: buckets kept in the database', () => {
  let dir: string;
  let url: string | undefined;
  let now: number;
  const clock = { now: () => new Date(now) };
  const open: DataSource[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-rates-'));
    url = await throwawayPostgresUrl('rates');
    now = Date.parse('2026-12-02T10:00:00.000Z');
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((dataSource) => dataSource.destroy()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function gateway(): Promise<{ limiter: SubmissionRateLimiter; writer: SerialWriter }> {
    const dataSource = await new DataSource({
      ...dataSourceOptions({
        database: join(dir, 'gateway.sqlite'),
        url,
        entities: [SenderRateBucketEntity],
        migrations: GATEWAY_MIGRATIONS,
        postgresMigrations: GATEWAY_POSTGRES_MIGRATIONS,
      }),
      migrationsRun: false,
      name: `rates-${Math.random()}`,
    }).initialize();
    open.push(dataSource);
    await migrateSchema(dataSource, url ? GATEWAY_POSTGRES_MIGRATIONS : GATEWAY_MIGRATIONS);
    const buckets = new SenderRateBucketRepository(dataSource.getRepository(SenderRateBucketEntity));
    return { limiter: new SubmissionRateLimiter(buckets, clock), writer: new SerialWriter(dataSource) };
  }

  /** Admits like the submission path: the decision, then (accepted) the bucket written in the transaction. */
  async function submit(at: { limiter: SubmissionRateLimiter; writer: SerialWriter }, sender: string) {
    const decision = await at.limiter.admit(sender, 1, rules);
    if (decision.allowed) await at.writer.transaction((manager) => at.limiter.persist(manager, sender));
    return decision;
  }

  it('makes the same decisions as the in-memory limiter: a minute’s burst, then a refusal with the wait', async () => {
    const first = await gateway();
    for (let index = 0; index < 6; index++) expect(await submit(first, 'DK')).toEqual({ allowed: true });
    expect(await submit(first, 'DK')).toEqual({
      allowed: false,
      refusal: { code: 'rate-limited', message: 'DK is over its limit of 6 envelopes a minute', retryAfterMs: 10_000 },
    });
  });

  it('continues a sender’s bucket at the gateway that takes the sender over', async () => {
    const first = await gateway();
    for (let index = 0; index < 6; index++) await submit(first, 'DK');
    const second = await gateway();
    expect(await submit(second, 'DK')).toMatchObject({ allowed: false, refusal: { retryAfterMs: 10_000 } });
    now += 10_000;
    expect(await submit(second, 'DK')).toEqual({ allowed: true });
    // Handed back: the first gateway forgets what it held and reads the bucket the second left.
    first.limiter.forget(['DK']);
    expect((await submit(first, 'DK')).allowed).toBe(false);
  });

  it('keeps each sender’s bucket apart', async () => {
    const first = await gateway();
    for (let index = 0; index < 7; index++) await submit(first, 'DK');
    expect(await submit(first, 'MR')).toEqual({ allowed: true });
  });
});
