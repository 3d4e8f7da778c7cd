import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { queryInteger } from '@bureaunet/platform';
import { SEARCH_STATUSES } from './ledger-search.rows';

export const MAX_SEARCH_RESULTS = 500;
export const MAX_TREE_HEADS_PER_PAGE = 200;

const instant = z.string().datetime({ message: 'must be an ISO 8601 instant in UTC, e.g. 2026-12-01T10:00:00Z' });

export class LedgerSearchQueryDto extends createZodDto(
  z
    .object({
      from: instant.optional().describe('Entries recorded at or after this instant'),
      to: instant.optional().describe('Entries recorded before this instant'),
      party: z
        .string()
        .regex(/^[A-Z0-9]{2,8}$/, 'must be a bureau code (2-8 capitals or digits)')
        .optional()
        .describe('A bureau code: the sender, or the recipient the entry is about'),
      kind: z
        .string()
        .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a message kind or registry event type')
        .optional()
        .describe('The message kind (diffusion, notice, …) or the registry event type'),
      status: z.enum(SEARCH_STATUSES).optional().describe('What the entry records'),
      cursor: queryInteger(0).optional().describe('next_cursor of the previous page: entries before this leaf index'),
      limit: queryInteger(1, MAX_SEARCH_RESULTS).default(100).describe(`At most ${MAX_SEARCH_RESULTS}`),
    })
    .strict(),
) {}

export class TreeHeadsQueryDto extends createZodDto(
  z
    .object({
      before: queryInteger(1).optional().describe('next_before of the previous page: heads of smaller sizes'),
      limit: queryInteger(1, MAX_TREE_HEADS_PER_PAGE).default(50).describe(`At most ${MAX_TREE_HEADS_PER_PAGE}`),
    })
    .strict(),
) {}

export class LedgerSearchEntryDto {
  @ApiProperty() leaf_index!: number;
  @ApiProperty({ description: 'When the gateway recorded it (ISO 8601)' }) at!: string;
  @ApiProperty({ description: 'Entry type (submission-accepted, delivery, …)' }) type!: string;
  @ApiProperty({ enum: SEARCH_STATUSES }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) kind!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) envelope_id!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sender!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) recipient!: string | null;
}

export class LedgerSearchDto {
  @ApiProperty({ type: [LedgerSearchEntryDto], description: 'Newest first' }) entries!: LedgerSearchEntryDto[];
  @ApiPropertyOptional({ description: 'Pass as cursor for the next (older) page; absent on the last page' })
  next_cursor?: number;
  @ApiProperty({ description: 'The search covers entries below this index (it follows the signed tree head)' })
  indexed_size!: number;
  @ApiProperty({ description: 'The latest signed tree size' }) signed_size!: number;
}

export class StoredTreeHeadDto {
  @ApiProperty() tree_size!: number;
  @ApiProperty({ description: 'Milliseconds since the epoch' }) timestamp!: number;
  @ApiProperty({ description: 'base64' }) sha256_root_hash!: string;
  @ApiProperty({ description: 'base64 DigitallySigned (see get-sth)' }) tree_head_signature!: string;
  @ApiProperty({ description: 'kid of the key that signed it' }) key_id!: string;
}

export class TreeHeadsDto {
  @ApiProperty({ type: [StoredTreeHeadDto], description: 'Newest first' }) heads!: StoredTreeHeadDto[];
  @ApiPropertyOptional({ description: 'Pass as before for the next (older) page; absent on the last page' })
  next_before?: number;
}
