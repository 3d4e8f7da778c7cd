import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateBy } from 'class-validator';
import { recipientScopeProblem } from '../outbox/outbox.dto';

export class SendDiffusionDto {
  @ApiProperty({
    description: 'Bureau codes, or "all"; the hub always gets a copy for its compliance check',
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'string', enum: ['all'] },
    ],
    example: ['MR', 'FR'],
  })
  @ValidateBy({
    name: 'isRecipientScope',
    validator: {
      validate: (value) => recipientScopeProblem(value) === undefined,
      defaultMessage: (args) => recipientScopeProblem(args?.value) ?? 'to is invalid',
    },
  })
  to!: string[] | 'all';

  @ApiProperty({ example: 'Stolen passport' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'Passport X1234567 reported stolen in Copenhagen on 2026-11-24' })
  @IsString()
  @Length(1, 4000)
  details!: string;

  @ApiPropertyOptional({ type: [String], example: ['X1234567'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  documentNumbers?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Countries that must never receive it' })
  @IsOptional()
  @IsArray()
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'restrictedTo must hold two-letter upper-case bureau codes' })
  restrictedTo?: string[];

  @ApiPropertyOptional({ enum: ['routine', 'urgent', 'immediate'] })
  @IsOptional()
  @IsIn(['routine', 'urgent', 'immediate'])
  priority?: 'routine' | 'urgent' | 'immediate';
}

export class DiffusionListQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'withdrawn'], description: 'Default: active' })
  @IsOptional()
  @IsIn(['active', 'withdrawn', 'any'])
  state?: 'active' | 'withdrawn' | 'any';
}

export class DiffusionDto {
  @ApiProperty()
  id!: string;
  @ApiProperty({ enum: ['received', 'sent'] })
  direction!: 'received' | 'sent';
  @ApiProperty()
  from!: string;
  @ApiProperty({ type: [String] })
  recipients!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true })
  body!: unknown;
  @ApiProperty({ enum: ['active', 'withdrawn'] })
  state!: 'active' | 'withdrawn';
  @ApiProperty()
  receivedAt!: string;
  @ApiProperty({ nullable: true, type: String })
  withdrawnAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  withdrawReason!: string | null;
}

export class WorkflowStepDto {
  @ApiProperty({ description: 'The envelope sent for this step (follow it at GET /api/messages/:id)' })
  id!: string;
}
