import { DeadLetterEntity } from '@bureaunet/persistence';
import { DiffusionEntity } from './diffusion.entity';
import { NoticeDocumentEntity, NoticeNameTokenEntity } from './notice-index.entity';
import { NoticeRequestEntity } from './notice-request.entity';
import { NoticeEntity } from './notice.entity';
import { ReceivedMessageEntity } from './received-message.entity';
import { RejectedDeliveryEntity } from './rejected-delivery.entity';
import { RecipientStateEntity } from './recipient-state.entity';
import { SentMessageEntity } from './sent-message.entity';

/** Every table in node.sqlite. */
export const NODE_ENTITIES = [
  SentMessageEntity,
  RecipientStateEntity,
  ReceivedMessageEntity,
  RejectedDeliveryEntity,
  DeadLetterEntity,
  // workflows (notices, diffusions)
  NoticeEntity,
  NoticeNameTokenEntity,
  NoticeDocumentEntity,
  NoticeRequestEntity,
  DiffusionEntity,
];
