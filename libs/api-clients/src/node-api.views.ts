import type { components, operations } from './openapi/node.openapi';

/**
 * What the node's API takes and answers, by the names its callers use. Taken from the node's
 * OpenAPI document; where the document only says "an object" (a notice's subject, a diffusion's
 * body), the shape the node writes is stated here. Inputs keep their enumerations open (`string`):
 * tests send kinds and types the node must refuse, and the node is the judge.
 */
type Schemas = components['schemas'];
type Open<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

export type SendMessageRequest = Omit<Open<Schemas['SendMessageDto'], 'kind'>, 'body'> & { body: unknown };
export type RecipientView = Schemas['RecipientStatusDto'];
export type SentMessageView = Schemas['SentMessageDto'];
export type ReceivedMessageView = Schemas['ReceivedMessageDto'];
export type NoticeRequestInput = Open<Schemas['RequestNoticeDto'], 'type'>;
export type NoticeChanges = Schemas['NoticeFieldsDto'];
export type NoticeRequestView = Schemas['NoticeRequestDto'];
export type NoticeStep = Schemas['NoticeStepDto'];
export type DiffusionRequest = Schemas['SendDiffusionDto'];
export type OperationView = Schemas['OperationDto'];
export type AlertRequest = Schemas['SendAlertDto'];
export type AlertSent = Schemas['AlertSentDto'];
export type AlertView = Schemas['AlertDto'];
export type DeadLetterView = Schemas['DeadLetterDto'];
export type DeadLetterDetailView = Schemas['DeadLetterDetailDto'];
export type ReleaseOutcome = Schemas['ReleaseOutcomeDto'];

export interface NoticeSubject {
  familyName: string;
  givenNames: string;
  dateOfBirth: string | null;
  nationality: string | null;
  documentNumbers: string[];
}
export type NoticeView = Omit<Schemas['NoticeDto'], 'subject'> & { subject: NoticeSubject };

export interface DiffusionBody {
  title: string;
  details: string;
  documentNumbers: string[];
}
export type DiffusionView = Omit<Schemas['DiffusionDto'], 'body'> & { body: DiffusionBody };

export type DiffusionState = NonNullable<
  NonNullable<operations['DiffusionController_list']['parameters']['query']>['state']
>;

export type NoticeQuery = Partial<
  Open<Required<NonNullable<operations['NoticeController_list']['parameters']['query']>>, 'type' | 'state'>
>;
export type DeadLetterQuery = NonNullable<operations['DeadLetterController_list']['parameters']['query']>;
