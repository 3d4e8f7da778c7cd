import 'reflect-metadata';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pendingSchemaChanges, type EntityList, type MigrationClass } from '@bureaunet/persistence';
import { startPostgres } from '@bureaunet/testing';
import { SERVICE_SCHEMAS, type ServiceName } from './service-schemas';

/**
 * `npm run migration -- <service> <Name>`: writes the migration that brings the service's migrated
 * schema to what its entities declare, and lists it in the service's migrations/index.ts; for a
 * service that also runs on PostgreSQL, the same for its PostgreSQL history (migrations/postgres/,
 * worked out on a private PostgreSQL server started for the purpose). Prints "no change" for a
 * dialect whose migrations already agree.
 */
async function main(): Promise<void> {
  const [service, name] = process.argv.slice(2) as [ServiceName | undefined, string | undefined];
  const schema = service ? SERVICE_SCHEMAS[service] : undefined;
  if (!schema || !name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    process.stderr.write(`usage: npm run migration -- <${Object.keys(SERVICE_SCHEMAS).join('|')}> <PascalCaseName>\n`);
    process.exitCode = 2;
    return;
  }
  const timestamp = Date.now();
  await writeMigration(service!, 'sqlite', name, timestamp, schema.entities, schema.migrations);
  if (schema.postgresMigrations) {
    const server = await startPostgres();
    try {
      const url = await server.createDatabase(`drift_${service}`);
      await writeMigration(service!, 'postgres', name, timestamp, schema.entities, schema.postgresMigrations, url);
    } finally {
      await server.stop();
    }
  }
}

async function writeMigration(
  service: ServiceName,
  dialect: 'sqlite' | 'postgres',
  name: string,
  timestamp: number,
  entities: EntityList,
  migrations: readonly MigrationClass[],
  postgresUrl?: string,
): Promise<void> {
  const changes = await pendingSchemaChanges(entities, migrations, postgresUrl);
  if (changes.up.length === 0) {
    process.stdout.write(`${service} (${dialect}): no change: the migrations already make what the entities declare\n`);
    return;
  }
  const relative = join('apps', service, 'src', 'migrations', ...(dialect === 'postgres' ? ['postgres'] : []));
  const folder = join(process.cwd(), relative);
  mkdirSync(folder, { recursive: true });
  const file = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
  writeFileSync(join(folder, file), migrationSource(`${name}${timestamp}`, changes.up, changes.down));
  const files = readdirSync(folder)
    .filter((entry) => /^\d{13}-.*\.ts$/.test(entry))
    .sort();
  writeFileSync(join(folder, 'index.ts'), indexSource(service, dialect, files));
  process.stdout.write(`${service} (${dialect}): wrote ${relative}/${file} (${changes.up.length} statements)\n`);
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((query) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

// Spelled in two parts: the build's alias rewriting would otherwise turn it into a relative path.
const PERSISTENCE_PACKAGE = ['@bureaunet', 'persistence'].join('/');

function indexSource(service: string, dialect: 'sqlite' | 'postgres', files: string[]): string {
  const classes = files.map((file) => {
    const stem = file.replace(/\.ts$/, '');
    const [timestamp, ...words] = stem.split('-');
    const className = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('') + timestamp;
    return { stem, className };
  });
  const imports = classes.map(({ stem, className }) => `import { ${className} } from './${stem}';`).join('\n');
  const list = classes.map(({ className }) => `  ${className},`).join('\n');
  return `import type { MigrationClass } from '${PERSISTENCE_PACKAGE}';
${imports}

/** The ${service}'s ${dialect === 'postgres' ? 'PostgreSQL ' : ''}schema history, oldest first (written by \`npm run migration\`; never edit an applied one). */
export const ${service.toUpperCase()}${dialect === 'postgres' ? '_POSTGRES' : ''}_MIGRATIONS: readonly MigrationClass[] = [
${list}
];
`;
}

void main();
