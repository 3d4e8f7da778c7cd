import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { migrateSchema } from './schema.migrator';
import { openDataSource } from './open-data-source';
import { SerialWriter, applyDurabilityPragmas, applySizeCeiling } from './serial-writer';
import { SnapshotReader } from './snapshot-reader';
import { DatabaseOptions, databaseLabel, dataSourceOptions, isPostgres } from './database-options';

const WRITE_DATA_SOURCE = Symbol('WRITE_DATA_SOURCE');

/** The write connection: it migrates the schema, and only SerialWriter uses it. */
@Module({})
class PersistenceWriterModule implements OnApplicationShutdown {
  constructor(@Inject(WRITE_DATA_SOURCE) private readonly writer: DataSource) {}

  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: PersistenceWriterModule,
      providers: [
        {
          provide: WRITE_DATA_SOURCE,
          useFactory: async () => {
            const dataSource = await openDataSource({
              ...dataSourceOptions(options),
              migrationsRun: false,
              name: 'writer',
            });
            await applyDurabilityPragmas(dataSource);
            if (options.maxBytes !== undefined) {
              if (isPostgres(options))
                new Logger('Schema').warn(
                  'DATABASE_MAX_MB bounds SQLite files only: bound PostgreSQL with its own quotas',
                );
              else await applySizeCeiling(dataSource, options.maxBytes);
            }
            if (options.migrations) {
              const applied = await migrateSchema(dataSource, options.migrations);
              if (applied.length > 0)
                new Logger('Schema').log(`${databaseLabel(options)}: applied ${applied.join(', ')}`);
            }
            return dataSource;
          },
        },
        {
          provide: SerialWriter,
          inject: [WRITE_DATA_SOURCE],
          useFactory: (writer: DataSource) => new SerialWriter(writer),
        },
      ],
      exports: [WRITE_DATA_SOURCE, SerialWriter],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.writer.isInitialized) await this.writer.destroy();
  }
}

/**
 * Two connections to one SQLite file (or two pools on one PostgreSQL database). Writes go through
 * SerialWriter on the write connection; everything injected the usual way (@InjectRepository,
 * DataSource) reads on the other, which sees only committed data — never half of a transaction
 * in progress.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    const writer = PersistenceWriterModule.forRoot(options);
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        writer,
        TypeOrmModule.forRootAsync({
          imports: [writer],
          // Injected only to order the start: the writer has created the schema by now.
          inject: [WRITE_DATA_SOURCE],
          useFactory: () => ({ ...dataSourceOptions(options), synchronize: false, migrationsRun: false }),
          dataSourceFactory: async (dataSourceOptions) => openDataSource(dataSourceOptions!),
        }),
      ],
      providers: [
        {
          provide: SnapshotReader,
          inject: [DataSource],
          useFactory: (reader: DataSource) => new SnapshotReader(reader),
        },
      ],
      exports: [writer, TypeOrmModule, SnapshotReader],
    };
  }
}
