import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  bureauCodeSchema,
  envelopeIdSchema,
  envelopeMetaSchema,
  MESSAGE_KINDS,
  REFUSAL_CODES,
  type EnvelopeMeta,
  type Handling,
  type MessageKind,
  type RecipientScope,
  type RefusalCode,
} from '@bureaunet/contracts';
import { queryInteger } from '@bureaunet/platform';
import { ConsentRequestDto } from '../handling/consent-request.dto';
import { RECIPIENT_STATES, type RecipientState } from '../store/recipient-state';
import type { ReportStatus } from '../store/sent-message.entity';

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 5_000;

/** OpenAPI for "any JSON value". */
const ANY_JSON_SCHEMA = {
  oneOf: [
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
  ],
};

export class MessageIdParamDto extends createZodDto(
  z.object({ id: envelopeIdSchema.describe('Envelope id (UUIDv7 for messages sealed by a node)') }).strict(),
) {}

export class PageQueryDto extends createZodDto(
  z
    .object({
      limit: queryInteger(1, MAX_PAGE_SIZE).optional().describe(`Page size, ${DEFAULT_PAGE_SIZE} when absent`),
      before: envelopeIdSchema
        .optional()
        .describe('Cursor: the id of the last message of the previous page (older ones follow)'),
    })
    .strict(),
) {}

/** Longest inbox search text: a phrase, not a document. */
const MAX_SEARCH_LENGTH = 100;
const PRIORITIES = envelopeMetaSchema.shape.priority.unwrap().options;
// Compared as text with the stored UTC instants, so brought to that form first.
const isoInstantQuery = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 instant' })
  .transform((value) => new Date(value).toISOString());

/** An inbox page narrowed by kind, sender, time, priority, body text or unread state (all optional, combined). */
export class InboxQueryDto extends createZodDto(
  PageQueryDto.schema
    .extend({
      kind: z.enum(MESSAGE_KINDS).optional().describe('Only this kind'),
      from: bureauCodeSchema.optional().describe('Only from this bureau (its code)'),
      since: isoInstantQuery.optional().describe('Received at or after this instant (ISO 8601)'),
      until: isoInstantQuery.optional().describe('Received before this instant (ISO 8601)'),
      priority: z.enum(PRIORITIES).optional().describe("The sender's meta.priority"),
      q: z
        .string()
        .trim()
        .min(2, 'must be at least 2 characters')
        .max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`)
        .optional()
        .describe('Text the decrypted body contains (case-insensitive for ASCII letters)'),
      unread: z
        .enum(['true', 'false'])
        .transform((value) => value === 'true')
        .optional()
        .describe('true: only what the signed-in person has not opened (a person only)'),
    })
    .strict()
    .refine((query) => !query.since || !query.until || query.since < query.until, {
      message: 'since must be before until',
      path: ['until'],
    }),
) {}

export class RefusalDto {
  @ApiProperty({ enum: [...REFUSAL_CODES] })
  code!: RefusalCode;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({ description: 'The access rule that decided, when a rule did' })
  rule?: string;
}

export class RecipientStatusDto {
  @ApiProperty({ example: 'FR' })
  code!: string;

  @ApiProperty({ enum: RECIPIENT_STATES })
  state!: RecipientState;

  @ApiPropertyOptional({ type: RefusalDto })
  refusal?: RefusalDto;

  @ApiPropertyOptional({ description: "The recipient's signed receipt time" })
  receiptedAt?: string;

  @ApiPropertyOptional({
    description: 'Id of the signed receipt (GET /api/messages/{receiptId} and its /envelope give the evidence)',
  })
  receiptId?: string;
}

/** What both directions show of the data owner's control over the content. */
abstract class OwnedContentDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The data owner's handling code (meta.handling; H0 when the envelope names none)",
    example: { code: 'H3', conditions: 'not to be shared outside the investigation', allowTo: ['DK'] },
  })
  handling!: Handling;

  @ApiPropertyOptional({
    type: [ConsentRequestDto],
    description: 'Consent asked about it: by this bureau of the owner (received), or of this bureau as owner (sent)',
  })
  consents?: ConsentRequestDto[];
}

export class SentMessageDto extends OwnedContentDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['sent'] })
  direction!: 'sent';

  @ApiProperty({ enum: MESSAGE_KINDS })
  kind!: MessageKind;

  @ApiProperty({
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'string', enum: ['all'] },
    ],
  })
  to!: RecipientScope;

  @ApiProperty({ type: 'object', additionalProperties: true })
  meta!: EnvelopeMeta;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  expiresAt!: string;

  @ApiProperty({
    enum: ['pending', 'accepted', 'refused'],
    description: "The gateway's delivery report; pending until it arrives",
  })
  status!: 'pending' | ReportStatus;

  @ApiPropertyOptional({ type: RefusalDto, description: 'Why the gateway refused the whole envelope' })
  refusal?: RefusalDto;

  @ApiProperty({
    description: 'Times the node published it again (a late report or receipt, a rate limit, a bus refusal)',
  })
  attempts!: number;

  @ApiPropertyOptional({
    description: 'The last reason it was sent again or could not be sent (e.g. rate-limited, with the retry time)',
  })
  lastError?: string;

  @ApiPropertyOptional({ description: 'When the node looks at it next; absent once nothing more is awaited' })
  nextCheckAt?: string;

  @ApiProperty({ type: [RecipientStatusDto] })
  recipients!: RecipientStatusDto[];
}

export class ReceivedMessageDto extends OwnedContentDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['received'] })
  direction!: 'received';

  @ApiProperty({ example: 'FR' })
  from!: string;

  @ApiProperty({ enum: MESSAGE_KINDS })
  kind!: MessageKind;

  @ApiProperty({ type: 'object', additionalProperties: true })
  meta!: EnvelopeMeta;

  @ApiProperty({ description: 'The decrypted body (any JSON); null for a receipt', nullable: true, ...ANY_JSON_SCHEMA })
  body!: unknown;

  @ApiProperty({ description: "The sender's signed creation time" })
  createdAt!: string;

  @ApiProperty()
  receivedAt!: string;

  @ApiPropertyOptional({ description: 'Whether the signed-in person has opened it (absent for a machine client)' })
  read?: boolean;
}

export class SentMessagePageDto {
  @ApiProperty({ type: [SentMessageDto] })
  items!: SentMessageDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `before` for the next page; null on the last one',
  })
  next!: string | null;
}

export class ReceivedMessagePageDto {
  @ApiProperty({ type: [ReceivedMessageDto] })
  items!: ReceivedMessageDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `before` for the next page; null on the last one',
  })
  next!: string | null;
}
