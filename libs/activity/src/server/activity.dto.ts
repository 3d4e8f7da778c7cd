import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { queryInteger } from '@bureaunet/platform';

export const DEFAULT_ACTIVITY_PAGE = 50;
export const MAX_ACTIVITY_PAGE = 500;
/** Lines one export request holds; a longer log is exported in pages (the `cursor` it answers with). */
export const MAX_ACTIVITY_EXPORT = 10_000;

const isoTime = z
  .string()
  .max(40)
  .refine((value) => !Number.isNaN(new Date(value).getTime()), 'must be an ISO 8601 date or time')
  .transform((value) => new Date(value).toISOString());

const filter = {
  person: z.string().min(1).max(110).optional().describe('A username, or a whole actor such as role:officer'),
  action: z.string().min(1).max(130).optional().describe('An action name, e.g. notice.search'),
  from: isoTime.optional().describe('From this time (inclusive)'),
  to: isoTime.optional().describe('Up to this time (exclusive)'),
};

export class ActivityQueryDto extends createZodDto(
  z
    .object({
      ...filter,
      limit: queryInteger(1, MAX_ACTIVITY_PAGE).optional().describe(`Page size, ${DEFAULT_ACTIVITY_PAGE} when absent`),
      cursor: queryInteger(0).optional().describe('The `next` of the previous page (older entries follow)'),
    })
    .strict(),
) {}

export class ActivityExportQueryDto extends createZodDto(
  z
    .object({
      ...filter,
      limit: queryInteger(1, MAX_ACTIVITY_EXPORT).optional().describe(`Lines, at most ${MAX_ACTIVITY_EXPORT}`),
      cursor: queryInteger(0).optional().describe('The seq to start from (x-activity-next of the previous page)'),
    })
    .strict(),
) {}

export class ActivitySeqParamDto extends createZodDto(z.object({ seq: queryInteger(0) }).strict()) {}

export class ActivityEntryDto {
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'person:ana' }) actor!: string;
  @ApiProperty({ example: 'officer' }) role!: string;
  @ApiPropertyOptional() personId?: string;
  @ApiProperty({ example: 'notice.search' }) action!: string;
  @ApiPropertyOptional() target?: string;
  @ApiPropertyOptional() purpose?: string;
  @ApiProperty({ enum: ['done', 'refused'] }) outcome!: 'done' | 'refused';
  @ApiPropertyOptional({ description: 'The refusal code' }) code?: string;
  @ApiPropertyOptional() borderPost?: string;
}

export class ActivityLineDto {
  @ApiProperty({ description: 'Position in the log, from 0' }) seq!: number;
  @ApiProperty({ type: ActivityEntryDto }) entry!: ActivityEntryDto;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityLineDto] }) items!: ActivityLineDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'The cursor of the next page; null on the last' })
  next!: number | null;
}

export class ActivityAnchorDto {
  @ApiProperty() treeSize!: number;
  @ApiProperty({ description: 'base64' }) rootHash!: string;
  @ApiProperty({ nullable: true, type: Number, description: "The gateway ledger's leaf index of the anchor entry" })
  ledgerIndex!: number | null;
  @ApiProperty() anchoredAt!: string;
}

export class ActivityHeadDto {
  @ApiProperty() treeSize!: number;
  @ApiProperty({ description: 'base64 of the RFC 6962 root' }) rootHash!: string;
  @ApiProperty({ type: ActivityAnchorDto, nullable: true }) lastAnchor!: ActivityAnchorDto | null;
}

export class ActivityProofDto extends ActivityLineDto {
  @ApiProperty({ description: 'base64' }) leafHash!: string;
  @ApiProperty() treeSize!: number;
  @ApiProperty({ description: 'base64' }) rootHash!: string;
  @ApiProperty({ type: [String], description: 'base64 hashes, RFC 6962 PATH(seq, D[treeSize])' }) proof!: string[];
}
