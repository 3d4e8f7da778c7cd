import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CountryGroups1796170930308 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "country_group" ("id" varchar(48) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(16) NOT NULL, "members" text NOT NULL, "updatedAt" varchar(30) NOT NULL, "version" integer NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "country_group"');
  }
}
