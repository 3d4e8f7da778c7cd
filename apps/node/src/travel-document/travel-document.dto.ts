import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  documentNumberSchema,
  TRAVEL_DOCUMENT_STATUSES,
  TRAVEL_DOCUMENT_TYPES,
  travelDocumentRecordSchema,
  type TravelDocumentDetails,
  type TravelDocumentStatus,
  type TravelDocumentType,
} from '@bureaunet/contracts';
import { queryInteger } from '@bureaunet/platform';

/** Records in one report: the evaluator is asked for all of them, and all are stored in one transaction. */
export const MAX_RECORDS_PER_REPORT = 1_000;
export const DEFAULT_RECORD_PAGE = 100;
const MAX_RECORD_PAGE = 500;

export class ReportTravelDocumentsDto extends createZodDto(
  z
    .object({
      records: z
        .array(travelDocumentRecordSchema)
        .min(1, 'must hold at least one record')
        .max(MAX_RECORDS_PER_REPORT, `must hold at most ${MAX_RECORDS_PER_REPORT} records`)
        .superRefine((records, ctx) => {
          const first = new Map<string, number>();
          records.forEach(({ documentNumber }, index) => {
            const earlier = first.get(documentNumber);
            if (earlier === undefined) first.set(documentNumber, index);
            else
              ctx.addIssue({
                code: 'custom',
                path: [index, 'documentNumber'],
                message: `is records.${earlier}'s number too: one change per document in a report`,
              });
          });
        })
        .describe(
          "This bureau's own documents (issuingCountry = its code), each number normalised " +
            '(A-Z, 0-9, no separators: the CLI normalises); a known number is changed at its next version',
        ),
    })
    .strict(),
) {}

export class DocumentNumberParamDto extends createZodDto(
  z.object({ documentNumber: documentNumberSchema.describe('The normalised document number') }).strict(),
) {}

export class TravelDocumentPageQueryDto extends createZodDto(
  z
    .object({
      limit: queryInteger(1, MAX_RECORD_PAGE).optional().describe(`Page size, ${DEFAULT_RECORD_PAGE} when absent`),
      after: documentNumberSchema
        .optional()
        .describe('Cursor: the last document number of the previous page (numbers in ascending order)'),
    })
    .strict(),
) {}

export class OwnTravelDocumentDto {
  @ApiProperty({ example: 'C01X00T47' })
  documentNumber!: string;

  @ApiProperty({ example: 'DK', description: 'This bureau' })
  issuingCountry!: string;

  @ApiProperty({ enum: TRAVEL_DOCUMENT_TYPES })
  documentType!: TravelDocumentType;

  @ApiProperty({ enum: TRAVEL_DOCUMENT_STATUSES })
  status!: TravelDocumentStatus;

  @ApiProperty()
  reportedAt!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  details?: TravelDocumentDetails;

  @ApiProperty({ description: '1 on the first report, one more for every change or withdrawal' })
  version!: number;

  @ApiProperty({ description: 'Taken back: the replicas forget it; reporting it again brings it back' })
  withdrawn!: boolean;

  @ApiProperty()
  updatedAt!: string;

  @ApiProperty({ description: 'The travel-document-record envelope that carried this version to the hub' })
  lastEnvelopeId!: string;
}

export class TravelDocumentChangeDto {
  @ApiProperty({ type: [OwnTravelDocumentDto], description: 'The records as stored, at their new versions' })
  records!: OwnTravelDocumentDto[];

  @ApiProperty({
    type: [String],
    description:
      'The travel-document-record envelopes to the hub, stored and sendable (follow them at GET /api/messages/:id)',
  })
  envelopes!: string[];
}

export class OwnTravelDocumentPageDto {
  @ApiProperty({ type: [OwnTravelDocumentDto] })
  items!: OwnTravelDocumentDto[];

  @ApiProperty({ nullable: true, type: String, description: 'The cursor of the next page (after=…), null on the last' })
  next!: string | null;
}
