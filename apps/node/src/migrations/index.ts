import type { MigrationClass } from '@bureaunet/persistence';
import { Initial1796126249513 } from './1796126249513-initial';
import { HostileBureau1796130613930 } from './1796130613930-hostile-bureau';
import { NoticeNameSearch1796137651141 } from './1796137651141-notice-name-search';
import { BorderCheckReplica1796144797873 } from './1796144797873-border-check-replica';
import { PersonSourceChange1796145033947 } from './1796145033947-person-source-change';
import { HitProcedure1796145079708 } from './1796145079708-hit-procedure';
import { TravelDocumentRecords1796145085138 } from './1796145085138-travel-document-records';
import { EvaluatorKey1796145293409 } from './1796145293409-evaluator-key';
import { ReplicaReportableCount1796148557994 } from './1796148557994-replica-reportable-count';
import { Accounts1796156868578 } from './1796156868578-accounts';
import { ActivityLog1796157487748 } from './1796157487748-activity-log';
import { MessageRead1796160000000 } from './1796160000000-message-read';
import { Consent1796169654462 } from './1796169654462-consent';
import { RequestDeadlines1796169935031 } from './1796169935031-request-deadlines';
import { NoticeNumberCounter1796207920379 } from './1796207920379-notice-number-counter';

/** The node's schema history, oldest first (written by `npm run migration`; never edit an applied one). */
export const NODE_MIGRATIONS: readonly MigrationClass[] = [
  Initial1796126249513,
  HostileBureau1796130613930,
  NoticeNameSearch1796137651141,
  BorderCheckReplica1796144797873,
  PersonSourceChange1796145033947,
  HitProcedure1796145079708,
  TravelDocumentRecords1796145085138,
  EvaluatorKey1796145293409,
  ReplicaReportableCount1796148557994,
  Accounts1796156868578,
  ActivityLog1796157487748,
  MessageRead1796160000000,
  Consent1796169654462,
  RequestDeadlines1796169935031,
  NoticeNumberCounter1796207920379,
];
