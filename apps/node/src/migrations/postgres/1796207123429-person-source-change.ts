import type { MigrationInterface, QueryRunner } from 'typeorm';

// The window and the tables as they were when this migration was written (never edit it after).
const WINDOW = 10_000;
const SOURCES = [
  { table: 'notice', key: 'number' },
  { table: 'diffusion', key: 'id' },
] as const;
const EVENTS = ['INSERT', 'UPDATE', 'DELETE'] as const;

/**
 * The change log of the person checks' sources on PostgreSQL, as PersonSourceChange1796145033947
 * makes it on SQLite: a trigger per table and event writes a line per changed row in the writer's
 * transaction and prunes all but the latest WINDOW lines. One function serves them all: its
 * arguments name the source and its key column. TypeORM does not see triggers: the person-check
 * int-spec asserts they exist and fire.
 */
export class PersonSourceChange1796207123429 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "person_source_log"() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        'DECLARE changed jsonb; ' +
        `BEGIN IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF; ` +
        'INSERT INTO "person_source_change" ("source", "reference") VALUES (TG_ARGV[0], changed ->> TG_ARGV[1]); ' +
        `DELETE FROM "person_source_change" WHERE "seq" <= (SELECT max("seq") FROM "person_source_change") - ${WINDOW}; ` +
        'RETURN NULL; END $$',
    );
    for (const { table, key } of SOURCES)
      for (const event of EVENTS)
        await queryRunner.query(
          `CREATE TRIGGER "person_source_${table}_${event.toLowerCase()}" AFTER ${event} ON "${table}" ` +
            `FOR EACH ROW EXECUTE FUNCTION "person_source_log"('${table}', '${key}')`,
        );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of SOURCES)
      for (const event of EVENTS)
        await queryRunner.query(`DROP TRIGGER "person_source_${table}_${event.toLowerCase()}" ON "${table}"`);
    await queryRunner.query('DROP FUNCTION "person_source_log"()');
  }
}
