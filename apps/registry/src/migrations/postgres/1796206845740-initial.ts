import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796206845740 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "api_token" ("id" character varying NOT NULL, "personId" character varying NOT NULL, "name" character varying NOT NULL, "digest" character varying NOT NULL, "createdAt" character varying NOT NULL, "lastUsedAt" character varying, "expiresAt" character varying, "revokedAt" character varying, CONSTRAINT "UQ_72a89e689ba1f166e088819ce0b" UNIQUE ("digest"), CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_1c9fbecdcf272d557e13bd8ef0" ON "api_token" ("personId") ');
    await queryRunner.query(
      'CREATE TABLE "person_session" ("id" character varying NOT NULL, "personId" character varying NOT NULL, "csrfToken" character varying NOT NULL, "createdAt" character varying NOT NULL, "lastSeenAt" character varying NOT NULL, "expiresAt" character varying NOT NULL, "via" character varying NOT NULL, CONSTRAINT "PK_fb5acefe441f0e50e48e57dd4d5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_4820b6fc355e214ad2a98f99ce" ON "person_session" ("personId") ');
    await queryRunner.query(
      'CREATE TABLE "person" ("id" character varying NOT NULL, "username" character varying NOT NULL, "displayName" character varying NOT NULL, "roles" text NOT NULL, "borderPost" character varying, "passwordHash" character varying, "totpSecret" character varying, "totpPendingSecret" character varying, "totpLastStep" integer, "oidcSubject" character varying, "locale" character varying NOT NULL, "timeZone" character varying NOT NULL, "failedSignIns" integer NOT NULL DEFAULT \'0\', "lockedUntil" character varying, "disabled" boolean NOT NULL DEFAULT false, "createdAt" character varying NOT NULL, "lastSignInAt" character varying, CONSTRAINT "UQ_e4475bde6806df5ab6999b47e5b" UNIQUE ("username"), CONSTRAINT "UQ_f57c7514a51267db37099459663" UNIQUE ("oidcSubject"), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sign_in_link" ("digest" character varying NOT NULL, "personId" character varying NOT NULL, "expiresAt" character varying NOT NULL, "usedAt" character varying, CONSTRAINT "PK_e9ebd2710858a19478d75e203de" PRIMARY KEY ("digest"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_84db3ca99dd45bdc17429b7818" ON "sign_in_link" ("personId") ');
    await queryRunner.query(
      'CREATE TABLE "activity_anchor" ("tree_size" integer NOT NULL, "root_hash" character varying(64) NOT NULL, "ledger_index" integer, "anchored_at" character varying(30) NOT NULL, CONSTRAINT "PK_a8327ba1f9c62c542980259f8f7" PRIMARY KEY ("tree_size"))',
    );
    await queryRunner.query(
      'CREATE TABLE "activity_node" ("level" integer NOT NULL, "node_index" integer NOT NULL, "hash" character varying(64) NOT NULL, CONSTRAINT "PK_cc40934b50120c871c385a5dbb4" PRIMARY KEY ("level", "node_index"))',
    );
    await queryRunner.query(
      'CREATE TABLE "activity_entry" ("seq" integer NOT NULL, "leaf_input" text NOT NULL, "leaf_hash" character varying(64) NOT NULL, "at" character varying(30) NOT NULL, "actor" character varying(80) NOT NULL, "action" character varying(130) NOT NULL, "outcome" character varying(10) NOT NULL, CONSTRAINT "PK_6b1e119ce45c9c810e16310af6b" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query('CREATE INDEX "idx_activity_at" ON "activity_entry" ("at") ');
    await queryRunner.query('CREATE INDEX "idx_activity_action_seq" ON "activity_entry" ("action", "seq") ');
    await queryRunner.query('CREATE INDEX "idx_activity_actor_seq" ON "activity_entry" ("actor", "seq") ');
    await queryRunner.query(
      'CREATE TABLE "activity_state" ("id" integer NOT NULL, "tree_size" integer NOT NULL, "root_hash" character varying(64) NOT NULL, "border" text NOT NULL, CONSTRAINT "PK_1b37c926198f608cfc63abe106b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "registry_event" ("seq" SERIAL NOT NULL, "id" character varying(36) NOT NULL, "type" character varying(40) NOT NULL, "code" character varying(2), "data" text NOT NULL, "occurredAt" character varying(30) NOT NULL, "publishedAt" character varying(30), CONSTRAINT "PK_9fb9638a9b01ee23a9588fc5a33" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_4f7c5406e3c01c344129903162" ON "registry_event" ("id") ');
    await queryRunner.query('CREATE INDEX "IDX_b04f9eda55088d4d3d724e728a" ON "registry_event" ("publishedAt") ');
    await queryRunner.query(
      'CREATE TABLE "certificate" ("serial" character varying(64) NOT NULL, "code" character varying(2) NOT NULL, "use" character varying(16) NOT NULL, "pem" text NOT NULL, "notBefore" TIMESTAMP NOT NULL, "notAfter" TIMESTAMP NOT NULL, "revokedAt" TIMESTAMP, "overlapUntil" TIMESTAMP, "createdAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_088cd8b7854860bc8669b6898e1" PRIMARY KEY ("serial"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_dc9d056564881ac46386c25b17" ON "certificate" ("code", "use") ');
    await queryRunner.query(
      'CREATE TABLE "bureau" ("code" character varying(2) NOT NULL, "role" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "version" integer NOT NULL, "createdAt" TIMESTAMP NOT NULL, "updatedAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_e7bdffc738e742c5f73a6292f6f" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "enrolment_token" ("tokenHash" character varying(64) NOT NULL, "code" character varying(2) NOT NULL, "expiresAt" TIMESTAMP NOT NULL, "usedAt" TIMESTAMP, "createdAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_0f3945ce22f88a884fd7b5892d3" PRIMARY KEY ("tokenHash"))',
    );
    await queryRunner.query(
      'CREATE TABLE "country_group" ("id" character varying(48) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "members" text NOT NULL, "updatedAt" character varying(30) NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_9daa6103d4a5c44a7fe40cf9717" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "rules_change" ("version" integer NOT NULL, "type" character varying(32) NOT NULL, "code" character varying(2), "data" text NOT NULL, "author" character varying(80) NOT NULL, "at" character varying(30) NOT NULL, CONSTRAINT "PK_78cffb93129feb2712683c2a414" PRIMARY KEY ("version"))',
    );
    await queryRunner.query(
      'CREATE TABLE "operation" ("id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "coordinator" character varying(2) NOT NULL, "participants" text NOT NULL, "start" character varying(30) NOT NULL, "end" character varying(30) NOT NULL, "createdAt" character varying(30) NOT NULL, "author" character varying(80) NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_18556ee6e49c005fc108078f3ab" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "bilateral_declaration" ("id" character varying(36) NOT NULL, "declarer" character varying(2) NOT NULL, "counterpart" character varying(2) NOT NULL, "type" character varying(32) NOT NULL, "createdAt" character varying(30) NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_b50767bea87015995c94dd480d4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_8b9cbfab281c95676c2dd571a7" ON "bilateral_declaration" ("declarer", "counterpart", "type") ',
    );
    await queryRunner.query(
      'CREATE TABLE "policy_set" ("version" integer NOT NULL, "text" text NOT NULL, "limits" text NOT NULL, "createdAt" character varying(30) NOT NULL, "author" character varying(80) NOT NULL, CONSTRAINT "PK_24e9ebf4644f93e94bfa21e7bb5" PRIMARY KEY ("version"))',
    );
    await queryRunner.query(
      'CREATE TABLE "status_statement" ("seq" SERIAL NOT NULL, "fingerprint" character varying(43) NOT NULL, "code" character varying(2) NOT NULL, "status" character varying(16) NOT NULL, "asOf" character varying(30) NOT NULL, "expiresAt" character varying(30) NOT NULL, "jws" text NOT NULL, CONSTRAINT "PK_1d965ba070eeaee5391daa7c0c6" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2817ff35cae8d88b81464eda91" ON "status_statement" ("fingerprint", "seq") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_2817ff35cae8d88b81464eda91"');
    await queryRunner.query('DROP TABLE "status_statement"');
    await queryRunner.query('DROP TABLE "policy_set"');
    await queryRunner.query('DROP INDEX "public"."IDX_8b9cbfab281c95676c2dd571a7"');
    await queryRunner.query('DROP TABLE "bilateral_declaration"');
    await queryRunner.query('DROP TABLE "operation"');
    await queryRunner.query('DROP TABLE "rules_change"');
    await queryRunner.query('DROP TABLE "country_group"');
    await queryRunner.query('DROP TABLE "enrolment_token"');
    await queryRunner.query('DROP TABLE "bureau"');
    await queryRunner.query('DROP INDEX "public"."IDX_dc9d056564881ac46386c25b17"');
    await queryRunner.query('DROP TABLE "certificate"');
    await queryRunner.query('DROP INDEX "public"."IDX_b04f9eda55088d4d3d724e728a"');
    await queryRunner.query('DROP INDEX "public"."IDX_4f7c5406e3c01c344129903162"');
    await queryRunner.query('DROP TABLE "registry_event"');
    await queryRunner.query('DROP TABLE "activity_state"');
    await queryRunner.query('DROP INDEX "public"."idx_activity_actor_seq"');
    await queryRunner.query('DROP INDEX "public"."idx_activity_action_seq"');
    await queryRunner.query('DROP INDEX "public"."idx_activity_at"');
    await queryRunner.query('DROP TABLE "activity_entry"');
    await queryRunner.query('DROP TABLE "activity_node"');
    await queryRunner.query('DROP TABLE "activity_anchor"');
    await queryRunner.query('DROP INDEX "public"."IDX_84db3ca99dd45bdc17429b7818"');
    await queryRunner.query('DROP TABLE "sign_in_link"');
    await queryRunner.query('DROP TABLE "person"');
    await queryRunner.query('DROP INDEX "public"."IDX_4820b6fc355e214ad2a98f99ce"');
    await queryRunner.query('DROP TABLE "person_session"');
    await queryRunner.query('DROP INDEX "public"."IDX_1c9fbecdcf272d557e13bd8ef0"');
    await queryRunner.query('DROP TABLE "api_token"');
  }
}
