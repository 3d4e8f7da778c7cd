import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificateOverlap1796129472759 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_dc9d056564881ac46386c25b17"');
    await queryRunner.query(
      'CREATE TABLE "temporary_certificate" ("serial" varchar(64) PRIMARY KEY NOT NULL, "code" varchar(2) NOT NULL, "use" varchar(16) NOT NULL, "pem" text NOT NULL, "notBefore" datetime NOT NULL, "notAfter" datetime NOT NULL, "revokedAt" datetime, "createdAt" datetime NOT NULL, "overlapUntil" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_certificate"("serial", "code", "use", "pem", "notBefore", "notAfter", "revokedAt", "createdAt") SELECT "serial", "code", "use", "pem", "notBefore", "notAfter", "revokedAt", "createdAt" FROM "certificate"',
    );
    await queryRunner.query('DROP TABLE "certificate"');
    await queryRunner.query('ALTER TABLE "temporary_certificate" RENAME TO "certificate"');
    await queryRunner.query('CREATE INDEX "IDX_dc9d056564881ac46386c25b17" ON "certificate" ("code", "use") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_dc9d056564881ac46386c25b17"');
    await queryRunner.query('ALTER TABLE "certificate" RENAME TO "temporary_certificate"');
    await queryRunner.query(
      'CREATE TABLE "certificate" ("serial" varchar(64) PRIMARY KEY NOT NULL, "code" varchar(2) NOT NULL, "use" varchar(16) NOT NULL, "pem" text NOT NULL, "notBefore" datetime NOT NULL, "notAfter" datetime NOT NULL, "revokedAt" datetime, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "certificate"("serial", "code", "use", "pem", "notBefore", "notAfter", "revokedAt", "createdAt") SELECT "serial", "code", "use", "pem", "notBefore", "notAfter", "revokedAt", "createdAt" FROM "temporary_certificate"',
    );
    await queryRunner.query('DROP TABLE "temporary_certificate"');
    await queryRunner.query('CREATE INDEX "IDX_dc9d056564881ac46386c25b17" ON "certificate" ("code", "use") ');
  }
}
