import type { EntityList, MigrationClass } from '@bureaunet/persistence';
import { GATEWAY_ENTITIES } from '../apps/gateway/src/gateway.module';
import { GATEWAY_MIGRATIONS } from '../apps/gateway/src/migrations';
import { GATEWAY_POSTGRES_MIGRATIONS } from '../apps/gateway/src/migrations/postgres';
import { NODE_MIGRATIONS } from '../apps/node/src/migrations';
import { NODE_POSTGRES_MIGRATIONS } from '../apps/node/src/migrations/postgres';
import { NODE_ENTITIES } from '../apps/node/src/store/node.entities';
import { REGISTRY_MIGRATIONS } from '../apps/registry/src/migrations';
import { REGISTRY_POSTGRES_MIGRATIONS } from '../apps/registry/src/migrations/postgres';
import { REGISTRY_ENTITIES } from '../apps/registry/src/registry.module';
import { WITNESS_MIGRATIONS } from '../apps/witness/src/migrations';
import { WITNESS_POSTGRES_MIGRATIONS } from '../apps/witness/src/migrations/postgres';
import { WITNESS_ENTITIES } from '../apps/witness/src/witness.module';

export type ServiceName = 'registry' | 'gateway' | 'node' | 'witness';

export interface ServiceSchema {
  entities: EntityList;
  /** The SQLite history. */
  migrations: readonly MigrationClass[];
  /** The PostgreSQL history, for a service that runs on PostgreSQL too (its migrations/postgres/index.ts). */
  postgresMigrations?: readonly MigrationClass[];
}

/** Each service's tables and the migrations that make them. */
export const SERVICE_SCHEMAS: Record<ServiceName, ServiceSchema> = {
  registry: {
    entities: REGISTRY_ENTITIES,
    migrations: REGISTRY_MIGRATIONS,
    postgresMigrations: REGISTRY_POSTGRES_MIGRATIONS,
  },
  gateway: {
    entities: GATEWAY_ENTITIES,
    migrations: GATEWAY_MIGRATIONS,
    postgresMigrations: GATEWAY_POSTGRES_MIGRATIONS,
  },
  node: { entities: NODE_ENTITIES, migrations: NODE_MIGRATIONS, postgresMigrations: NODE_POSTGRES_MIGRATIONS },
  witness: {
    entities: WITNESS_ENTITIES,
    migrations: WITNESS_MIGRATIONS,
    postgresMigrations: WITNESS_POSTGRES_MIGRATIONS,
  },
};
