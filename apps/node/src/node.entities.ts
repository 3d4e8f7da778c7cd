import { DeadLetterEntity } from '@bureaunet/persistence';
import { DiffusionEntity } from './store/diffusion.entity';
import { NoticeDocumentEntity, NoticeNameTokenEntity } from './store/notice-index.entity';
import { NoticeRequestEntity } from './store/notice-request.entity';
import { NoticeEntity } from './store/notice.entity';
import { ReceivedMessageEntity } from './store/received-message.entity';
import { RejectedDeliveryEntity } from './store/rejected-delivery.entity';
import { RecipientStateEntity } from './store/recipient-state.entity';
import { SentMessageEntity } from './store/sent-message.entity';

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
