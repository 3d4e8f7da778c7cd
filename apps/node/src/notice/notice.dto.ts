import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { NOTICE_STATES, NOTICE_TYPES, type NoticeState, type NoticeType } from '@bureaunet/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Z]{2}$/;

/** The subject and offence of a notice, flat (what a form or the CLI sends). */
export class NoticeFieldsDto {
  @ApiPropertyOptional({ description: 'Family name of the subject', example: 'DOE' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  familyName?: string;

  @ApiPropertyOptional({ example: 'John' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  givenNames?: string;

  @ApiPropertyOptional({ example: '1980-02-29' })
  @IsOptional()
  @Matches(DATE, { message: 'dateOfBirth must be a date YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Matches(CODE, { message: 'nationality must be a two-letter upper-case country code' })
  nationality?: string;

  @ApiPropertyOptional({ type: [String], example: ['X1234567'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  documentNumbers?: string[];

  @ApiPropertyOptional({ description: 'Offence or reason', example: 'Armed robbery' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  offence?: string;

  @ApiPropertyOptional({ description: 'Review-by date: past it, the notice lapses', example: '2027-11-25' })
  @IsOptional()
  @Matches(DATE, { message: 'expiry must be a date YYYY-MM-DD' })
  expiry?: string;
}

export class RequestNoticeDto extends NoticeFieldsDto {
  @ApiProperty({ enum: NOTICE_TYPES, example: 'red' })
  @IsIn(NOTICE_TYPES)
  type!: NoticeType;

  @ApiPropertyOptional({
    type: [String],
    description: 'Countries that must never receive it (data-owner restriction)',
    example: ['IT'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @Matches(CODE, { each: true, message: 'restrictedTo must hold two-letter upper-case bureau codes' })
  restrictedTo?: string[];
}

export class ReasonDto {
  @ApiProperty({ example: 'insufficient information on the offence' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

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
