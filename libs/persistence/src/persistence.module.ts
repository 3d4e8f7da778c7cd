import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SerialWriter, applyDurabilityPragmas } from './serial-writer';
import { SqliteOptions, sqliteDataSourceOptions } from './sqlite-options';

@Module({})
export class PersistenceModule {
  /** One SQLite database for the app, its entities, and the SerialWriter every write goes through. */
  static forRoot(options: SqliteOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => sqliteDataSourceOptions(options),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions!).initialize();
            await applyDurabilityPragmas(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: SerialWriter, inject: [DataSource], useFactory: (dataSource: DataSource) => new SerialWriter(dataSource) }],
      exports: [SerialWriter, TypeOrmModule],
    };
  }
}
