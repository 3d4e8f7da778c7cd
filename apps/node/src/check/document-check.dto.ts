import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import type { z } from 'zod';
import {
  documentCheckRequestSchema,
  TRAVEL_DOCUMENT_TYPES,
  type TravelDocumentDetails,
  type TravelDocumentType,
} from '@bureaunet/contracts';
import { REPORTABLE_STATUSES, type ReportableStatus } from '../store/sltd-replica-entry.status';
import { CHECK_OUTCOMES, type CheckOutcome, type DocumentCheckAnswer, type DocumentHit } from './document-check.answer';

/**
 * A Nest DTO class needs an object type, and the schema's output is a union: typed here as the
 * body's fields, every one optional. The value the pipe hands on is the schema's output, a
 * DocumentCheckRequest: {documentNumber, issuingCountry} or {mrz}, one or the other, and place.
 */
const documentCheckBodySchema = documentCheckRequestSchema as unknown as z.ZodType<
  Partial<{ documentNumber: string; issuingCountry: string; mrz: string[]; place: string }>,
  z.ZodTypeDef,
  unknown
>;

export class DocumentCheckRequestDto extends createZodDto(documentCheckBodySchema) {}

export class ReplicaFreshnessDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the replica last had nothing pending on its consumer; null if never',
  })
  currentAsOf!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'now − currentAsOf in ms; null if never' })
  ageMs!: number | null;

  @ApiProperty({
    description:
      "Whether the hub's databases service has placed this node's consumer after the replica's state since it started",
  })
  complete!: boolean;
}

export class TravelDocumentDetailsDto implements TravelDocumentDetails {
  @ApiPropertyOptional() familyName?: string;
  @ApiPropertyOptional() givenNames?: string;
  @ApiPropertyOptional({ format: 'date' }) dateOfBirth?: string;
  @ApiPropertyOptional({ example: 'DK' }) nationality?: string;
  @ApiPropertyOptional() incidentPlace?: string;
  @ApiPropertyOptional({ format: 'date' }) incidentDate?: string;
}

export class DocumentHitDto implements DocumentHit {
  @ApiProperty({ example: 'DK', description: 'The issuing bureau: it owns the record and is notified' })
  owner!: string;

  @ApiProperty({ enum: REPORTABLE_STATUSES })
  status!: ReportableStatus;

  @ApiProperty({ description: "The record's version" })
  version!: number;

  @ApiProperty({ nullable: true, type: String, description: 'From the sealed details; null when unreadable' })
  reportedAt!: string | null;

  @ApiProperty({ nullable: true, enum: TRAVEL_DOCUMENT_TYPES })
  documentType!: TravelDocumentType | null;

  @ApiProperty({ nullable: true, type: TravelDocumentDetailsDto })
  details!: TravelDocumentDetails | null;

  @ApiProperty({
    enum: ['opened', 'unreadable'],
    description: 'unreadable: the sealed details did not open with the number checked; the status still stands',
  })
  sealed!: 'opened' | 'unreadable';

  @ApiProperty({ nullable: true, type: String, description: 'The hit procedure with the owner; null if not notified' })
  hitId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'When the owner should have answered' })
  answerBy!: string | null;

  @ApiProperty({ enum: ['sent', 'failed'], description: 'failed: the owner was not notified (an alert is logged)' })
  notification!: 'sent' | 'failed';
}

export class CheckedDocumentDto {
  @ApiProperty({ example: 'DK', description: 'The issuing bureau (from the MRZ, mapped from ICAO)' })
  issuingCountry!: string;

  @ApiPropertyOptional({ enum: TRAVEL_DOCUMENT_TYPES, description: 'On a hit whose details opened' })
  documentType?: TravelDocumentType;
}

export class DocumentCheckAnswerDto implements DocumentCheckAnswer {
  @ApiProperty({ description: 'The check id (UUIDv7): GET /api/checks/{id}' })
  checkId!: string;

  @ApiProperty()
  checkedAt!: string;

  @ApiProperty({
    enum: CHECK_OUTCOMES,
    description: 'undetermined: the evaluator did not answer; never taken for a no-hit',
  })
  outcome!: CheckOutcome;

  @ApiPropertyOptional({ enum: ['evaluator-unreachable'] })
  reason?: 'evaluator-unreachable';

  @ApiProperty({ type: CheckedDocumentDto })
  document!: CheckedDocumentDto;

  @ApiPropertyOptional({ type: DocumentHitDto })
  hit?: DocumentHitDto;

  @ApiProperty({ type: ReplicaFreshnessDto })
  replica!: ReplicaFreshnessDto;

  @ApiProperty({ enum: ['replica'] })
  source!: 'replica';
}
