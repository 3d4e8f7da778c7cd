import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { NOTICE_TYPES, personCheckRequestSchema, type NoticeType } from '@bureaunet/contracts';

export class PersonCheckRequestDto extends createZodDto(personCheckRequestSchema) {}

export class MatchedSubjectDto {
  @ApiProperty()
  familyName!: string;
  @ApiProperty({ description: 'Empty when the record has none' })
  givenNames!: string;
  @ApiProperty({ nullable: true, type: String, description: 'YYYY-MM-DD as the record has it' })
  dateOfBirth!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'ISO 3166-1 alpha-2' })
  nationality!: string | null;
}

export const HIT_NOTIFICATIONS = ['sent', 'failed', 'own-record'] as const;
export type HitNotification = (typeof HIT_NOTIFICATIONS)[number];

export class PersonMatchDto {
  @ApiProperty({ enum: ['notice', 'diffusion'] })
  source!: 'notice' | 'diffusion';
  @ApiProperty({ description: 'The notice number, or the diffusion id' })
  reference!: string;
  @ApiProperty({ description: "The bureau owning the record: the notice's owner, the diffusion's sender" })
  owner!: string;
  @ApiPropertyOptional({ enum: NOTICE_TYPES })
  noticeType?: NoticeType;
  @ApiProperty({ minimum: 0, maximum: 1 })
  score!: number;
  @ApiProperty({
    type: [String],
    description:
      'Why it matched: family-name:exact|variant|phonetic|one-typo|partial, given-names:…, dob:…, nationality, document',
  })
  reasons!: string[];
  @ApiProperty({ type: MatchedSubjectDto })
  subject!: MatchedSubjectDto;
  @ApiPropertyOptional({
    enum: HIT_NOTIFICATIONS,
    description:
      "Only on each owner's best match: the owner notified (sent), the notification not started (failed: the officer reports it by other means), or this bureau's own record (own-record: nobody to notify)",
  })
  notification?: HitNotification;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The hit procedure started (sent only)' })
  hitId?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the owner must have answered',
  })
  answerBy?: string | null;
}

export class PersonCheckDto {
  @ApiProperty({ description: 'UUIDv7; the check log line and any hit notification name it' })
  checkId!: string;
  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;
  @ApiProperty({ enum: ['hit', 'no-hit'] })
  outcome!: 'hit' | 'no-hit';
  @ApiProperty({ type: [PersonMatchDto], description: 'Best first, at most 20, each at or above the threshold 0.7' })
  matches!: PersonMatchDto[];
}
