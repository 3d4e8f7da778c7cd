import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796207029702 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "dead_letter" ("id" SERIAL NOT NULL, "key" character varying NOT NULL, "subject" character varying NOT NULL, "msgId" character varying, "streamSequence" integer NOT NULL, "attempts" integer NOT NULL, "lastError" text NOT NULL, "raw" bytea NOT NULL, "bytes" integer NOT NULL, "firstSeenAt" character varying NOT NULL, "lastSeenAt" character varying NOT NULL, "droppedAt" character varying, CONSTRAINT "PK_e51e9e534cd18984b2aad76403c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_708a65fcf412c4d333ec922645" ON "dead_letter" ("droppedAt") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_37342b093a3b5d0baf0f4a6e8c" ON "dead_letter" ("key") ');
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
      'CREATE TABLE "ledger_leaf" ("leaf_index" integer NOT NULL, "leaf_input" text NOT NULL, "leaf_hash" character varying(64) NOT NULL, "envelope_id" character varying(80), "type" character varying(40) NOT NULL, "at" character varying(30) NOT NULL, CONSTRAINT "PK_a12d5ac244391e993c2395414d7" PRIMARY KEY ("leaf_index"))',
    );
    await queryRunner.query('CREATE INDEX "idx_ledger_leaf_hash" ON "ledger_leaf" ("leaf_hash") ');
    await queryRunner.query('CREATE INDEX "idx_ledger_leaf_envelope" ON "ledger_leaf" ("envelope_id") ');
    await queryRunner.query(
      'CREATE TABLE "ledger_node" ("level" integer NOT NULL, "node_index" integer NOT NULL, "hash" character varying(64) NOT NULL, CONSTRAINT "PK_fcf3327b375bba291c4f6bf9941" PRIMARY KEY ("level", "node_index"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ledger_tree_state" ("id" integer NOT NULL, "tree_size" integer NOT NULL, "root_hash" character varying(64) NOT NULL, "border" text NOT NULL, "updated_at" character varying(30) NOT NULL, CONSTRAINT "PK_b6dc2fdf9e066a5cbadedd30150" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ledger_signed_tree_head" ("tree_size" integer NOT NULL, "timestamp" bigint NOT NULL, "root_hash" character varying(64) NOT NULL, "tree_head_signature" text NOT NULL, "key_id" character varying(64) NOT NULL, CONSTRAINT "PK_95d6b4751000588e44ccfe8b4f7" PRIMARY KEY ("tree_size"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ledger_cosigned_checkpoint" ("tree_size" integer NOT NULL, "note" text NOT NULL, "updated_at" character varying(30) NOT NULL, CONSTRAINT "PK_26889be31cd1eda36086361f6ab" PRIMARY KEY ("tree_size"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ledger_registry_event" ("event_id" character varying(36) NOT NULL, "leaf_index" integer NOT NULL, "recorded_at" character varying(30) NOT NULL, CONSTRAINT "PK_1a5344d3508f05baf83a072ef50" PRIMARY KEY ("event_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "consent_grant" ("decisionId" character varying(64) NOT NULL, "originId" character varying(64) NOT NULL, "grantee" character varying(2) NOT NULL, "purpose" character varying(20) NOT NULL, "bureaus" text NOT NULL, "expiresAt" character varying(30) NOT NULL, "grantedAt" character varying(30) NOT NULL, CONSTRAINT "PK_1dd9da4217144fe184ada100186" PRIMARY KEY ("decisionId"))',
    );
    await queryRunner.query('CREATE INDEX "idx_consent_grant_origin" ON "consent_grant" ("originId", "grantee") ');
    await queryRunner.query(
      'CREATE TABLE "envelope_lineage" ("envelopeId" character varying(64) NOT NULL, "sender" character varying(2) NOT NULL, "kind" character varying(20) NOT NULL, "restrictedTo" text NOT NULL, "digest" character varying(43) NOT NULL DEFAULT \'\', "deliveredTo" text NOT NULL DEFAULT \'[]\', "acceptedAt" character varying(30) NOT NULL, "handlingLevel" integer NOT NULL DEFAULT \'0\', "handlingOrigin" character varying(64), "handlingOwner" character varying(2), "handlingAllowTo" text, "handlingExpiresAt" character varying(30), CONSTRAINT "PK_caf35e0c06ffe0e1516718d40af" PRIMARY KEY ("envelopeId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "envelope_receipt" ("envelopeId" character varying(64) NOT NULL, "recipient" character varying(2) NOT NULL, "receiptId" character varying(64) NOT NULL, "acceptedAt" character varying(30) NOT NULL, CONSTRAINT "PK_dd7a50583dc3be305904897110a" PRIMARY KEY ("envelopeId", "recipient"))',
    );
    await queryRunner.query(
      'CREATE TABLE "processed_submission" ("envelopeId" character varying(64) NOT NULL, "digest" character varying(43) NOT NULL, "sender" character varying(2) NOT NULL, "deliveredTo" text NOT NULL, "report" text NOT NULL, "acceptedAt" character varying(30) NOT NULL, CONSTRAINT "PK_b25823122da44af4a659436945c" PRIMARY KEY ("envelopeId"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_774a35a253a2cc9c78fe856d90" ON "processed_submission" ("acceptedAt") ');
    await queryRunner.query(
      'CREATE TABLE "ledger_checkpoint_timestamp" ("tree_size" integer NOT NULL, "checkpoint" text NOT NULL, "token" text NOT NULL, "gen_time" integer NOT NULL, "tsa_serial" character varying(64) NOT NULL, CONSTRAINT "PK_213dd4557d57cace4d937c1d969" PRIMARY KEY ("tree_size"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ledger_search_entry" ("leaf_index" integer NOT NULL, "at" character varying(30) NOT NULL, "type" character varying(40) NOT NULL, "status" character varying(16) NOT NULL, "kind" character varying(40), "envelope_id" character varying(80), "sender" character varying(8), "recipient" character varying(8), CONSTRAINT "PK_05aa54c9ca6b49c8790cb4f31e2" PRIMARY KEY ("leaf_index"))',
    );
    await queryRunner.query('CREATE INDEX "idx_ledger_search_at" ON "ledger_search_entry" ("at") ');
    await queryRunner.query('CREATE INDEX "idx_ledger_search_envelope" ON "ledger_search_entry" ("envelope_id") ');
    await queryRunner.query(
      'CREATE INDEX "idx_ledger_search_recipient" ON "ledger_search_entry" ("recipient", "leaf_index") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_ledger_search_sender" ON "ledger_search_entry" ("sender", "leaf_index") ',
    );
    await queryRunner.query(
      'CREATE TABLE "ledger_activity_anchor" ("code" character varying(8) NOT NULL, "tree_size" integer NOT NULL, "root_hash" character varying(44) NOT NULL, "leaf_index" integer NOT NULL, CONSTRAINT "PK_0d989659735f192a4f34d7a5999" PRIMARY KEY ("code"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "ledger_activity_anchor"');
    await queryRunner.query('DROP INDEX "public"."idx_ledger_search_sender"');
    await queryRunner.query('DROP INDEX "public"."idx_ledger_search_recipient"');
    await queryRunner.query('DROP INDEX "public"."idx_ledger_search_envelope"');
    await queryRunner.query('DROP INDEX "public"."idx_ledger_search_at"');
    await queryRunner.query('DROP TABLE "ledger_search_entry"');
    await queryRunner.query('DROP TABLE "ledger_checkpoint_timestamp"');
    await queryRunner.query('DROP INDEX "public"."IDX_774a35a253a2cc9c78fe856d90"');
    await queryRunner.query('DROP TABLE "processed_submission"');
    await queryRunner.query('DROP TABLE "envelope_receipt"');
    await queryRunner.query('DROP TABLE "envelope_lineage"');
    await queryRunner.query('DROP INDEX "public"."idx_consent_grant_origin"');
    await queryRunner.query('DROP TABLE "consent_grant"');
    await queryRunner.query('DROP TABLE "ledger_registry_event"');
    await queryRunner.query('DROP TABLE "ledger_cosigned_checkpoint"');
    await queryRunner.query('DROP TABLE "ledger_signed_tree_head"');
    await queryRunner.query('DROP TABLE "ledger_tree_state"');
    await queryRunner.query('DROP TABLE "ledger_node"');
    await queryRunner.query('DROP INDEX "public"."idx_ledger_leaf_envelope"');
    await queryRunner.query('DROP INDEX "public"."idx_ledger_leaf_hash"');
    await queryRunner.query('DROP TABLE "ledger_leaf"');
    await queryRunner.query('DROP INDEX "public"."IDX_84db3ca99dd45bdc17429b7818"');
    await queryRunner.query('DROP TABLE "sign_in_link"');
    await queryRunner.query('DROP TABLE "person"');
    await queryRunner.query('DROP INDEX "public"."IDX_4820b6fc355e214ad2a98f99ce"');
    await queryRunner.query('DROP TABLE "person_session"');
    await queryRunner.query('DROP INDEX "public"."IDX_1c9fbecdcf272d557e13bd8ef0"');
    await queryRunner.query('DROP TABLE "api_token"');
    await queryRunner.query('DROP INDEX "public"."IDX_37342b093a3b5d0baf0f4a6e8c"');
    await queryRunner.query('DROP INDEX "public"."IDX_708a65fcf412c4d333ec922645"');
    await queryRunner.query('DROP TABLE "dead_letter"');
  }
}
