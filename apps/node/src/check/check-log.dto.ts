import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { queryInteger } from '@bureaunet/platform';
import { HitAnswerDto } from '../hit/hit.dto';
import type { ReplicaStatusView } from '../replica/replica.status';
import { CHECK_OUTCOMES, type CheckOutcome } from './document-check.answer';

export const DEFAULT_CHECK_PAGE = 50;
const MAX_CHECK_PAGE = 500;

const checkIdSchema = z.string().uuid('must be a check id (a UUID)');

export class CheckIdParamDto extends createZodDto(z.object({ id: checkIdSchema }).strict()) {}

export class CheckLogQueryDto extends createZodDto(
  z
    .object({
      limit: queryInteger(1, MAX_CHECK_PAGE).optional().describe(`Page size, ${DEFAULT_CHECK_PAGE} when absent`),
      before: checkIdSchema.optional().describe('Cursor: the last check id of the previous page (older ones follow)'),
    })
    .strict(),
) {}

/** A check as this node logged it: never the checked number, MRZ or name. */
export class CheckLogDto {
  @ApiProperty({ description: 'The check id (UUIDv7)' })
  id!: string;

  @ApiProperty({ enum: ['document', 'person'] })
  kind!: 'document' | 'person';

  @ApiProperty()
  checkedAt!: string;

  @ApiProperty({ description: 'The role (later the person) that made the check', example: 'border-officer' })
  actor!: string;

  @ApiProperty({ nullable: true, type: String, description: 'The border post or unit named' })
  place!: string | null;

  @ApiProperty({ enum: CHECK_OUTCOMES })
  outcome!: CheckOutcome;

  @ApiProperty({ nullable: true, type: String, description: 'The issuing country a document check named' })
  issuingCountry!: string | null;

  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: "What matched: for a document hit {index (the entry's opaque index), owner, version}",
  })
  matched!: unknown;

  @ApiProperty({ nullable: true, type: String, description: 'The hit procedure this check started' })
  hitId!: string | null;
}

/** A hit this check started, as the checking node knows it now. */
export class CheckHitDto {
  @ApiProperty({ description: 'The hit-notification envelope id' })
  hitId!: string;

  @ApiProperty({ enum: ['awaiting', 'answered', 'overdue'] })
  state!: 'awaiting' | 'answered' | 'overdue';

  @ApiProperty({ description: "The owner's deadline" })
  answerBy!: string;

  @ApiProperty({ description: 'Milliseconds left until answerBy while awaiting; 0 otherwise' })
  remainingMs!: number;

  @ApiProperty({ type: HitAnswerDto, nullable: true })
  answer!: HitAnswerDto | null;
}

export class CheckDetailDto extends CheckLogDto {
  @ApiProperty({
    type: [CheckHitDto],
    description: 'The hit procedures this check started, with their countdown or answer',
  })
  hits!: CheckHitDto[];
}

export class CheckLogPageDto {
  @ApiProperty({ type: [CheckLogDto] })
  items!: CheckLogDto[];

  @ApiProperty({ nullable: true, type: String, description: 'The `before` of the next page; null on the last' })
  next!: string | null;
}

export class ReplicaStatusDto implements ReplicaStatusView {
  @ApiProperty({ description: 'Entries a check would report (not recovered, not withdrawn)' })
  entries!: number;

  @ApiProperty({ description: 'The last stream sequence applied' })
  appliedSequence!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Messages the consumer has not delivered yet; null when it cannot be reached',
  })
  pending!: number | null;

  @ApiProperty({ nullable: true, type: String })
  currentAsOf!: string | null;

  @ApiProperty({ nullable: true, type: Number })
  ageMs!: number | null;

  @ApiProperty({ enum: ['pending', 'done'] })
  resync!: 'pending' | 'done';

  @ApiProperty({ description: 'Malformed messages skipped since the node started' })
  skipped!: number;
}
