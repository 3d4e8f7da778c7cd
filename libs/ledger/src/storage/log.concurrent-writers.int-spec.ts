import type { DataSource } from 'typeorm';
import { SerialWriter, dataSourceOptions, openDataSource } from '@bureaunet/persistence';
import { TEST_POSTGRES_URL, createPostgresDatabase, startPostgres, type RunningPostgres } from '@bureaunet/testing';
import { hashLeaf } from '../merkle';
import { referenceRoot } from '../merkle/merkle-tree.reference';
import { encodeLedgerEntry } from '../log/ledger-entry';
import { LogLeafEntity } from './log-leaf.entity';
import { LedgerLogAppender, loadTreeState, type LeafToAppend } from './log.appender';
import { LEDGER_LOG_ENTITIES } from './log.entities';

const at = new Date('2026-12-02T10:00:00.000Z');

function leaf(writer: string, n: number): LeafToAppend {
  const envelopeId = `${writer}-${n}`;
  return {
    type: 'delivery',
    envelopeId,
    at: at.toISOString(),
    leafInput: encodeLedgerEntry({ type: 'delivery', envelopeId, at, data: { to: 'MR', n } }),
  };
}

describe('two gateways appending to one PostgreSQL ledger at once', () => {
  let server: RunningPostgres | undefined;
  const open: DataSource[] = [];

  beforeAll(async () => {
    if (!process.env[TEST_POSTGRES_URL]) server = await startPostgres();
  });

  afterAll(async () => {
    await Promise.all(open.map((dataSource) => dataSource.destroy()));
    await server?.stop();
  });

  async function connect(url: string): Promise<DataSource> {
    const dataSource = await openDataSource({
      ...dataSourceOptions({ database: 'unused', url, entities: LEDGER_LOG_ENTITIES }),
      name: `gateway-${open.length}`,
    });
    open.push(dataSource);
    return dataSource;
  }

  it('queues them on the tree state row: every leaf lands once, at contiguous indexes, under the reference root', async () => {
    const url = await createPostgresDatabase(server?.url() ?? process.env[TEST_POSTGRES_URL]!, 'ledger_writers');
    const gateways = [await connect(url), await connect(url)];
    const batches = 40;
    const perBatch = (batch: number) => 1 + (batch % 4);
    // Each gateway: its own connection pool, SerialWriter and appender cache, as two processes would have.
    const appended = await Promise.all(
      gateways.map(async (dataSource, g) => {
        const writer = new SerialWriter(dataSource);
        const appender = new LedgerLogAppender();
        const name = `g${g}`;
        const runs = Array.from({ length: batches }, (_, batch) => {
          const items = Array.from({ length: perBatch(batch) }, (_, k) => leaf(name, batch * 10 + k));
          return writer.transaction(async (manager) => ({ items, ...(await appender.append(manager, items, at)) }));
        });
        return Promise.all(runs);
      }),
    );

    const total = 2 * Array.from({ length: batches }, (_, batch) => perBatch(batch)).reduce((a, b) => a + b, 0);
    const rows = await gateways[0].manager.find(LogLeafEntity, { order: { leafIndex: 'ASC' } });
    expect(rows.map((row) => row.leafIndex)).toEqual(Array.from({ length: total }, (_, i) => i));
    const ids = rows.map((row) => row.envelopeId);
    expect(new Set(ids).size).toBe(total);
    const state = await loadTreeState(gateways[1].manager);
    expect(state.range.size).toBe(total);
    const inputs = rows.map((row) => Buffer.from(row.leafInput, 'utf8'));
    expect(state.rootHex).toBe(referenceRoot(inputs).toString('hex'));
    // Each append was told where its leaves went, and they are there, in its order.
    for (const { items, firstIndex } of appended.flat())
      expect(rows.slice(firstIndex, firstIndex + items.length).map((row) => row.leafHash)).toEqual(
        items.map((item) => hashLeaf(item.leafInput).toString('hex')),
      );
  });
});
