import { ACCOUNT_ENTITIES } from '@bureaunet/accounts';
import { ACTIVITY_ENTITIES } from '@bureaunet/activity/server';
import { DeadLetterEntity } from '@bureaunet/persistence';
import { TrackedRequestEntity } from '../deadline/tracked-request.entity';
import { ConsentRequestEntity } from './consent-request.entity';
import { ReceivedBodyDigestEntity } from './received-body-digest.entity';
import { DiffusionEntity } from './diffusion.entity';
import { NoticeDocumentEntity } from './notice-index.entity';
import { NoticeNameKeyEntity } from './notice-name-key.entity';
import { NoticeNumberCounterEntity } from './notice-number-counter.entity';
import { NoticeRequestEntity } from './notice-request.entity';
import { NoticeEntity } from './notice.entity';
import { MessageReadEntity } from './message-read.entity';
import { ReceivedMessageEntity } from './received-message.entity';
import { RejectedDeliveryEntity } from './rejected-delivery.entity';
import { RecipientStateEntity } from './recipient-state.entity';
import { SentMessageEntity } from './sent-message.entity';
import { CheckLogEntity } from './check-log.entity';
import { HitEntity } from './hit.entity';
import { OwnTravelDocumentEntity } from './own-travel-document.entity';
import { SltdRecordEntity } from './sltd-record.entity';
import { PersonSourceChangeEntity } from './person-source-change.entity';
import { EvaluatorKeyEntity } from './evaluator-key.entity';
import { SltdReplicaEntryEntity } from './sltd-replica-entry.entity';
import { SltdReplicaStateEntity } from './sltd-replica-state.entity';

/** Every table of the node but the name search's table, which migrations make (notice-name.index.ts). */
export const NODE_ENTITIES = [
  SentMessageEntity,
  RecipientStateEntity,
  ReceivedMessageEntity,
  // which person opened which received message (the inbox's unread state)
  MessageReadEntity,
  // digests of received content (no plaintext): its origin when it is sent on
  ReceivedBodyDigestEntity,
  // the data owner's consent asked and decided
  ConsentRequestEntity,
  RejectedDeliveryEntity,
  DeadLetterEntity,
  // workflows (notices, diffusions)
  NoticeEntity,
  NoticeNameKeyEntity,
  NoticeDocumentEntity,
  NoticeRequestEntity,
  // the hub's notice numbers, one counter a year
  NoticeNumberCounterEntity,
  DiffusionEntity,
  // queries and requests received here, with their deadlines
  TrackedRequestEntity,
  // border checks
  SltdReplicaEntryEntity,
  SltdReplicaStateEntity,
  CheckLogEntity,
  HitEntity,
  // travel-document records: the issuer's own list; the hub's authoritative index
  OwnTravelDocumentEntity,
  SltdRecordEntity,
  PersonSourceChangeEntity,
  // border checks: the evaluator key this node pinned
  EvaluatorKeyEntity,
  // people: accounts, sessions, personal tokens, sign-in links
  ...ACCOUNT_ENTITIES,
  // the attributed activity log (libs/activity)
  ...ACTIVITY_ENTITIES,
];
