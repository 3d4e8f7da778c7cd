import type { MigrationInterface, QueryRunner } from 'typeorm';

// The window and the tables as they were when this migration was written (never edit it after).
const WINDOW = 10_000;
const SOURCES = [
  { table: 'notice', key: 'number' },
  { table: 'diffusion', key: 'id' },
] as const;
const EVENTS = [
  { event: 'INSERT', row: 'NEW' },
  { event: 'UPDATE', row: 'NEW' },
  { event: 'DELETE', row: 'OLD' },
] as const;

/**
 * The change log of the person checks' sources (PersonSourceChangeEntity): triggers on notice and
 * diffusion write a line per changed row in the writer's transaction and prune all but the latest
 * WINDOW lines. TypeORM does not see triggers: a later migration that rebuilds either table
 * (SQLite's temporary_<table> copy) drops them and must create them again; the person-check
 * int-spec asserts they exist and fire.
 */
export class PersonSourceChange1796145033947 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "person_source_change" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "source" varchar NOT NULL, "reference" varchar NOT NULL)',
    );
    for (const { table, key } of SOURCES)
      for (const { event, row } of EVENTS)
        await queryRunner.query(
          `CREATE TRIGGER "person_source_${table}_${event.toLowerCase()}" AFTER ${event} ON "${table}" BEGIN ` +
            `INSERT INTO "person_source_change" ("source", "reference") VALUES ('${table}', ${row}."${key}"); ` +
            `DELETE FROM "person_source_change" WHERE "seq" <= (SELECT max("seq") FROM "person_source_change") - ${WINDOW}; ` +
            'END',
        );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of SOURCES)
      for (const { event } of EVENTS)
        await queryRunner.query(`DROP TRIGGER "person_source_${table}_${event.toLowerCase()}"`);
    await queryRunner.query('DROP TABLE "person_source_change"');
  }
}
