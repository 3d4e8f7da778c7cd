import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  envelopeMetaSchema,
  noticeCancelBodySchema,
  noticeDraftSchema,
  noticeSubjectSchema,
  NOTICE_STATES,
  NOTICE_TYPES,
  type NoticeState,
  type NoticeType,
} from '@bureaunet/contracts';

const { shape: subject } = noticeSubjectSchema;
const { shape: draft } = noticeDraftSchema;

/**
 * The subject and offence of a notice, flat (what a form or the CLI sends), each field as the
 * contract limits it. All optional, no defaults: a request's draft is checked whole by the
 * service, and an update changes only the fields given.
 */
const noticeFieldsSchema = z
  .object({
    familyName: subject.familyName.optional().describe('Family name of the subject'),
    givenNames: subject.givenNames.removeDefault().optional(),
    dateOfBirth: subject.dateOfBirth,
    nationality: subject.nationality.describe('ISO 3166-1 alpha-2'),
    documentNumbers: subject.documentNumbers.removeDefault().optional(),
    offence: draft.offence.optional().describe('Offence or reason'),
    expiry: draft.expiry.optional().describe('Review-by date: past it, the notice lapses'),
  })
  .strict();

export class NoticeFieldsDto extends createZodDto(noticeFieldsSchema) {}

export class RequestNoticeDto extends createZodDto(
  noticeFieldsSchema.extend({
    type: draft.type,
    restrictedTo: envelopeMetaSchema.shape.restrictedTo.describe(
      'Countries that must never receive it (data-owner restriction)',
    ),
  }),
) {}

export class ReasonDto extends createZodDto(noticeCancelBodySchema.pick({ reason: true })) {}

export class NoticeRequestDto {
  @ApiProperty({ description: 'The notice-request envelope id' })
  id!: string;
  @ApiProperty({ enum: ['received', 'sent'] })
  direction!: 'received' | 'sent';
  @ApiProperty()
  requester!: string;
  @ApiProperty({ enum: ['publish', 'cancel'] })
  action!: 'publish' | 'cancel';
  @ApiProperty({ type: 'object', additionalProperties: true })
  body!: unknown;
  @ApiProperty({ type: [String] })
  restrictedTo!: string[];
  @ApiProperty({ enum: ['pending', 'approved', 'refused'] })
  state!: string;
  @ApiProperty({ nullable: true, type: String })
  noticeNumber!: string | null;
  @ApiProperty({ nullable: true, type: String })
  reason!: string | null;
  @ApiProperty()
  receivedAt!: string;
  @ApiProperty({ nullable: true, type: String })
  decidedAt!: string | null;
}

export class NoticeStepDto {
  @ApiProperty({ description: 'The envelope sent for this step' })
  id!: string;
  @ApiPropertyOptional({ description: 'The notice number, when the step concerns one' })
  number?: string;
}

export class NoticeDto {
  @ApiProperty({ example: 'A-1/2026' })
  number!: string;
  @ApiProperty({ enum: NOTICE_TYPES })
  type!: NoticeType;
  @ApiProperty()
  owner!: string;
  @ApiProperty({ enum: NOTICE_STATES })
  state!: NoticeState;
  @ApiProperty({ type: 'object', additionalProperties: true })
  subject!: {
    familyName: string;
    givenNames: string;
    dateOfBirth: string | null;
    nationality: string | null;
    documentNumbers: string[];
  };
  @ApiProperty()
  offence!: string;
  @ApiProperty()
  expiry!: string;
  @ApiProperty()
  revision!: number;
  @ApiProperty()
  publishedAt!: string;
  @ApiProperty()
  updatedAt!: string;
  @ApiProperty({ nullable: true, type: String })
  cancelledAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  cancelReason!: string | null;
}
