import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LedgerLogAppender, LedgerLogReader } from '@bureaunet/ledger/storage';

/** One appender per process (it caches the tree state); the reader over the same database. */
export const LEDGER_LOG_PROVIDERS: Provider[] = [
  { provide: LedgerLogAppender, useFactory: () => new LedgerLogAppender() },
  {
    provide: LedgerLogReader,
    inject: [DataSource],
    useFactory: (dataSource: DataSource) => new LedgerLogReader(dataSource),
  },
];
