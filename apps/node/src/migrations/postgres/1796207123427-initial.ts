import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796207123427 implements MigrationInterface {
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
      'CREATE TABLE "tracked_request" ("id" character varying NOT NULL, "sender" character varying NOT NULL, "kind" character varying NOT NULL, "priority" character varying NOT NULL, "dueAt" character varying NOT NULL, "receivedAt" character varying NOT NULL, "answeredAt" character varying, "answerId" character varying, "escalatedAt" character varying, CONSTRAINT "PK_b69a7139bdc13064aa792a5c6ab" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e1405b59b3be4fbf09acca51fa" ON "tracked_request" ("escalatedAt", "dueAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bb3c97cc39e1a559dcb46e9f2a" ON "tracked_request" ("answeredAt", "dueAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "consent_request" ("id" character varying NOT NULL, "direction" character varying NOT NULL, "messageId" character varying NOT NULL, "envelopeId" character varying NOT NULL, "asker" character varying NOT NULL, "owner" character varying NOT NULL, "purpose" character varying NOT NULL, "bureaus" text, "note" text, "state" character varying NOT NULL, "createdAt" character varying NOT NULL, "decisionId" character varying, "decidedAt" character varying, "decidedBy" character varying, "expiresAt" character varying, "reason" text, CONSTRAINT "PK_96e8c0c30fcb02ac2cb7e2ba094" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_06f7c8755562506027a1dcc3d8" ON "consent_request" ("envelopeId") ');
    await queryRunner.query('CREATE INDEX "IDX_e1e2941a84dc741f65fd920829" ON "consent_request" ("messageId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_d5a83e94f03caaf6cb74c836d5" ON "consent_request" ("direction", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "received_body_digest" ("digest" character varying NOT NULL, "envelopeId" character varying NOT NULL, CONSTRAINT "PK_473f8b3936e92141166b1f54ba0" PRIMARY KEY ("digest", "envelopeId"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_5d1b8ea20f012e7e1d76f568ad" ON "received_body_digest" ("envelopeId") ');
    await queryRunner.query(
      'CREATE TABLE "diffusion" ("id" character varying NOT NULL, "direction" character varying NOT NULL, "sender" character varying NOT NULL, "recipients" text NOT NULL, "body" text NOT NULL, "state" character varying NOT NULL, "receivedAt" character varying NOT NULL, "withdrawnAt" character varying, "withdrawReason" text, "reviewState" character varying, "reviewedBy" character varying, "reviewedAt" character varying, CONSTRAINT "PK_ec25da04d9759aba3f741114221" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b0a7e30c1668bee2c6e794426f" ON "diffusion" ("reviewState", "receivedAt") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_f997ada461a32de6fdc1f331e1" ON "diffusion" ("state", "receivedAt") ');
    await queryRunner.query(
      'CREATE TABLE "notice_document" ("number" character varying NOT NULL, "document" character varying NOT NULL, CONSTRAINT "PK_e2e05ceebb39384b2beb55e8a41" PRIMARY KEY ("number", "document"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e2e05ceebb39384b2beb55e8a4" ON "notice_document" ("document", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notice_name_key" ("id" SERIAL NOT NULL, "number" character varying NOT NULL, "publishedAt" character varying NOT NULL, CONSTRAINT "UQ_e0584ee71bd1a60f2c6444467da" UNIQUE ("number"), CONSTRAINT "PK_1c105c525941e333d316f0494cf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "notice_request" ("id" character varying NOT NULL, "direction" character varying NOT NULL, "requester" character varying NOT NULL, "body" text NOT NULL, "restrictedTo" text NOT NULL, "state" character varying NOT NULL, "noticeNumber" character varying, "reason" text, "receivedAt" character varying NOT NULL, "decidedAt" character varying, CONSTRAINT "PK_cc33e9d09624267aeaa75b268f8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5764adfdce7486a33950073a92" ON "notice_request" ("direction", "state", "receivedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notice" ("number" character varying NOT NULL, "type" character varying NOT NULL, "owner" character varying NOT NULL, "state" character varying NOT NULL, "familyName" character varying NOT NULL, "givenNames" character varying NOT NULL, "dateOfBirth" character varying, "nationality" character varying, "documentNumbers" text NOT NULL, "offence" text NOT NULL, "expiry" character varying NOT NULL, "revision" integer NOT NULL, "envelopeId" character varying NOT NULL, "restrictedTo" text NOT NULL, "recipients" text NOT NULL, "requestId" character varying, "publishedAt" character varying NOT NULL, "updatedAt" character varying NOT NULL, "cancelledAt" character varying, "cancelReason" text, CONSTRAINT "PK_fa07dc61f795bd5449cd948904a" PRIMARY KEY ("number"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_d8e939fd9fbd325fbe4fd05221" ON "notice" ("state") ');
    await queryRunner.query('CREATE INDEX "IDX_67ae5e80b75eb8eb2de8371d85" ON "notice" ("dateOfBirth") ');
    await queryRunner.query('CREATE INDEX "IDX_42e3454e721cc705acddfc6d35" ON "notice" ("type", "state", "expiry") ');
    await queryRunner.query(
      'CREATE TABLE "message_read" ("messageId" character varying NOT NULL, "personId" character varying NOT NULL, "readAt" character varying NOT NULL, CONSTRAINT "PK_80bf10770238649a3cca672d098" PRIMARY KEY ("messageId", "personId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "received_message" ("id" character varying NOT NULL, "sender" character varying NOT NULL, "kind" character varying NOT NULL, "meta" text NOT NULL, "body" text, "envelope" bytea NOT NULL, "digest" character varying NOT NULL, "createdAt" character varying NOT NULL, "expiresAt" character varying NOT NULL, "receivedAt" character varying NOT NULL, CONSTRAINT "PK_0bd1cfe05dbb3bc22d0abbcf7ac" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d0bcc71916aefd4902b5e27a05" ON "received_message" ("receivedAt", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "rejected_delivery" ("seq" SERIAL NOT NULL, "envelopeId" character varying, "sender" character varying, "code" character varying NOT NULL, "message" text NOT NULL, "digest" character varying, "msgId" character varying, "raw" bytea NOT NULL, "receivedAt" character varying NOT NULL, "rejectionId" character varying, CONSTRAINT "PK_1fff5c26299b2ae031f4491e147" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_59a785dbd6fe50943877170d35" ON "rejected_delivery" ("envelopeId", "digest") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_e7f10b668121b580e7dee56b7f" ON "rejected_delivery" ("receivedAt") ');
    await queryRunner.query(
      'CREATE TABLE "recipient_state" ("messageId" character varying NOT NULL, "code" character varying NOT NULL, "state" character varying NOT NULL, "refusal" text, "receiptedAt" character varying, "receiptId" character varying, "updatedAt" character varying NOT NULL, CONSTRAINT "PK_65d44af74c7ae0ff08778c66b62" PRIMARY KEY ("messageId", "code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sent_message" ("id" character varying NOT NULL, "kind" character varying NOT NULL, "recipients" text NOT NULL, "meta" text NOT NULL, "envelope" bytea NOT NULL, "digest" character varying NOT NULL, "createdAt" character varying NOT NULL, "expiresAt" character varying NOT NULL, "publishedAt" character varying, "reportStatus" character varying, "reportRefusal" text, "reportedAt" character varying, "report" bytea, "attempts" integer NOT NULL DEFAULT \'0\', "lastAttemptAt" character varying, "nextCheckAt" character varying, "retryAt" character varying, "lastError" character varying, CONSTRAINT "PK_37efcdbf204194da12b5b6b03ca" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_ae0ebfaadf0fcdfe924f18431f" ON "sent_message" ("nextCheckAt") ');
    await queryRunner.query('CREATE INDEX "IDX_40982e32fe31e1514effb24533" ON "sent_message" ("reportStatus") ');
    await queryRunner.query('CREATE INDEX "IDX_0c2da40c6fc74c0ac27628413b" ON "sent_message" ("publishedAt") ');
    await queryRunner.query(
      'CREATE TABLE "check_log" ("id" character varying NOT NULL, "kind" character varying NOT NULL, "checkedAt" character varying NOT NULL, "actor" character varying NOT NULL, "place" character varying, "outcome" character varying NOT NULL, "issuingCountry" character varying, "matched" text, "hitId" character varying, CONSTRAINT "PK_8feafef07e6a656f7a194d2f1f0" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_1c51f3e8091925e0bb04d6eea5" ON "check_log" ("checkedAt") ');
    await queryRunner.query(
      'CREATE TABLE "hit" ("id" character varying NOT NULL, "direction" character varying NOT NULL, "checkId" character varying NOT NULL, "counterpart" character varying NOT NULL, "hit" text NOT NULL, "checkedAt" character varying NOT NULL, "place" character varying NOT NULL, "answerBy" character varying NOT NULL, "state" character varying NOT NULL, "answer" text, "createdAt" character varying NOT NULL, CONSTRAINT "PK_1febd26ae5fc4adac7b4c8a1e4e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_c6c7399ab4a44670b967146367" ON "hit" ("state", "answerBy") ');
    await queryRunner.query('CREATE INDEX "IDX_45afe00937971a125fbc697bf2" ON "hit" ("direction", "state", "id") ');
    await queryRunner.query(
      'CREATE TABLE "own_travel_document" ("documentNumber" character varying(23) NOT NULL, "documentType" character varying NOT NULL, "status" character varying NOT NULL, "reportedAt" character varying NOT NULL, "details" text, "version" integer NOT NULL, "withdrawn" boolean NOT NULL, "updatedAt" character varying NOT NULL, "lastEnvelopeId" character varying NOT NULL, CONSTRAINT "PK_7b36962bfbcb6f7cd63e0fca893" PRIMARY KEY ("documentNumber"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sltd_record" ("issuingCountry" character varying(2) NOT NULL, "index" character varying(64) NOT NULL, "version" integer NOT NULL, "status" character varying(16) NOT NULL, "sealed" bytea, "envelopeId" character varying NOT NULL, "receivedAt" character varying NOT NULL, "publishedSequence" integer, CONSTRAINT "PK_879bb487df5ec0961fcfbb5812c" PRIMARY KEY ("issuingCountry", "index"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_7b2bfb27e77974c972a63c7eca" ON "sltd_record" ("publishedSequence") ');
    await queryRunner.query(
      'CREATE TABLE "person_source_change" ("seq" SERIAL NOT NULL, "source" character varying NOT NULL, "reference" character varying NOT NULL, CONSTRAINT "PK_bfdb239efd986fca51d78937780" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE TABLE "evaluator_key" ("id" integer NOT NULL, "keyId" character varying NOT NULL, "publicKey" character varying NOT NULL, "pinnedAt" character varying NOT NULL, CONSTRAINT "PK_ca8ecde3c8094cbf6b02ab965a5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sltd_replica_entry" ("issuingCountry" character varying(2) NOT NULL, "index" character varying(64) NOT NULL, "version" integer NOT NULL, "status" character varying(16) NOT NULL, "sealed" bytea, "sequence" integer NOT NULL, CONSTRAINT "PK_c0d1db44ce56fa73ea00b114099" PRIMARY KEY ("issuingCountry", "index"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sltd_replica_state" ("id" integer NOT NULL, "appliedSequence" integer NOT NULL, "currentAsOf" character varying, "reportable" integer NOT NULL DEFAULT \'0\', "resync" character varying NOT NULL, CONSTRAINT "PK_d561573f1df34399492e2d855c0" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "sltd_replica_state"');
    await queryRunner.query('DROP TABLE "sltd_replica_entry"');
    await queryRunner.query('DROP TABLE "evaluator_key"');
    await queryRunner.query('DROP TABLE "person_source_change"');
    await queryRunner.query('DROP INDEX "public"."IDX_7b2bfb27e77974c972a63c7eca"');
    await queryRunner.query('DROP TABLE "sltd_record"');
    await queryRunner.query('DROP TABLE "own_travel_document"');
    await queryRunner.query('DROP INDEX "public"."IDX_45afe00937971a125fbc697bf2"');
    await queryRunner.query('DROP INDEX "public"."IDX_c6c7399ab4a44670b967146367"');
    await queryRunner.query('DROP TABLE "hit"');
    await queryRunner.query('DROP INDEX "public"."IDX_1c51f3e8091925e0bb04d6eea5"');
    await queryRunner.query('DROP TABLE "check_log"');
    await queryRunner.query('DROP INDEX "public"."IDX_0c2da40c6fc74c0ac27628413b"');
    await queryRunner.query('DROP INDEX "public"."IDX_40982e32fe31e1514effb24533"');
    await queryRunner.query('DROP INDEX "public"."IDX_ae0ebfaadf0fcdfe924f18431f"');
    await queryRunner.query('DROP TABLE "sent_message"');
    await queryRunner.query('DROP TABLE "recipient_state"');
    await queryRunner.query('DROP INDEX "public"."IDX_e7f10b668121b580e7dee56b7f"');
    await queryRunner.query('DROP INDEX "public"."IDX_59a785dbd6fe50943877170d35"');
    await queryRunner.query('DROP TABLE "rejected_delivery"');
    await queryRunner.query('DROP INDEX "public"."IDX_d0bcc71916aefd4902b5e27a05"');
    await queryRunner.query('DROP TABLE "received_message"');
    await queryRunner.query('DROP TABLE "message_read"');
    await queryRunner.query('DROP INDEX "public"."IDX_42e3454e721cc705acddfc6d35"');
    await queryRunner.query('DROP INDEX "public"."IDX_67ae5e80b75eb8eb2de8371d85"');
    await queryRunner.query('DROP INDEX "public"."IDX_d8e939fd9fbd325fbe4fd05221"');
    await queryRunner.query('DROP TABLE "notice"');
    await queryRunner.query('DROP INDEX "public"."IDX_5764adfdce7486a33950073a92"');
    await queryRunner.query('DROP TABLE "notice_request"');
    await queryRunner.query('DROP TABLE "notice_name_key"');
    await queryRunner.query('DROP INDEX "public"."IDX_e2e05ceebb39384b2beb55e8a4"');
    await queryRunner.query('DROP TABLE "notice_document"');
    await queryRunner.query('DROP INDEX "public"."IDX_f997ada461a32de6fdc1f331e1"');
    await queryRunner.query('DROP INDEX "public"."IDX_b0a7e30c1668bee2c6e794426f"');
    await queryRunner.query('DROP TABLE "diffusion"');
    await queryRunner.query('DROP INDEX "public"."IDX_5d1b8ea20f012e7e1d76f568ad"');
    await queryRunner.query('DROP TABLE "received_body_digest"');
    await queryRunner.query('DROP INDEX "public"."IDX_d5a83e94f03caaf6cb74c836d5"');
    await queryRunner.query('DROP INDEX "public"."IDX_e1e2941a84dc741f65fd920829"');
    await queryRunner.query('DROP INDEX "public"."IDX_06f7c8755562506027a1dcc3d8"');
    await queryRunner.query('DROP TABLE "consent_request"');
    await queryRunner.query('DROP INDEX "public"."IDX_bb3c97cc39e1a559dcb46e9f2a"');
    await queryRunner.query('DROP INDEX "public"."IDX_e1405b59b3be4fbf09acca51fa"');
    await queryRunner.query('DROP TABLE "tracked_request"');
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
    await queryRunner.query('DROP INDEX "public"."IDX_37342b093a3b5d0baf0f4a6e8c"');
    await queryRunner.query('DROP INDEX "public"."IDX_708a65fcf412c4d333ec922645"');
    await queryRunner.query('DROP TABLE "dead_letter"');
  }
}
