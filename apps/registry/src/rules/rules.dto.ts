import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  BUREAU_CODE_PATTERN,
  DECLARATION_TYPES,
  MAX_POLICY_TEXT_LENGTH,
  MESSAGE_KINDS,
  type DeclarationType,
  type MessageKind,
} from '@bureaunet/contracts';
import { BUREAU_CODE_MESSAGE } from '../directory/directory.dto';

export class ChangeRulesDto {
  @ApiPropertyOptional({
    description:
      'The new Cedar policy text; every policy needs @id, forbids may carry @refusal and @reason. Validated against the schema first.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_POLICY_TEXT_LENGTH)
  policies?: string;

  @ApiPropertyOptional({
    description: 'Rate limits: {default: {messagesPerMinute, recipientsPerMessage}, bureaus: {CODE: {...}}}',
    example: {
      default: { messagesPerMinute: 6000, recipientsPerMessage: 300 },
      bureaus: { DK: { messagesPerMinute: 600 } },
    },
  })
  @IsOptional()
  @IsObject()
  limits?: Record<string, unknown>;
}

export class CheckRulesDto {
  @ApiProperty({ example: 'DK' })
  @Matches(BUREAU_CODE_PATTERN, { message: `sender: ${BUREAU_CODE_MESSAGE}` })
  sender!: string;

  @ApiProperty({ example: 'FR' })
  @Matches(BUREAU_CODE_PATTERN, { message: `recipient: ${BUREAU_CODE_MESSAGE}` })
  recipient!: string;

  @ApiProperty({ enum: MESSAGE_KINDS })
  @IsIn(MESSAGE_KINDS)
  kind!: MessageKind;

  @ApiPropertyOptional({
    description: 'The envelope meta: restrictedTo, operationId, noticeType, priority…',
    example: { restrictedTo: ['FR'] },
  })
  @IsOptional()
  @IsObject()
  meta?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'A candidate policy text to try instead of the set in force (nothing is stored)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_POLICY_TEXT_LENGTH)
  policies?: string;
}

export class CreateDeclarationDto {
  @ApiProperty({ example: 'MR', description: 'The bureau that declares' })
  @Matches(BUREAU_CODE_PATTERN, { message: `declarer: ${BUREAU_CODE_MESSAGE}` })
  declarer!: string;

  @ApiProperty({ example: 'DK', description: 'The bureau it is about' })
  @Matches(BUREAU_CODE_PATTERN, { message: `counterpart: ${BUREAU_CODE_MESSAGE}` })
  counterpart!: string;

  @ApiProperty({
    enum: DECLARATION_TYPES,
    description:
      'refuses-diffusions-from: the declarer accepts no diffusions from the counterpart; does-not-send-to: the declarer sends nothing to it',
  })
  @IsIn(DECLARATION_TYPES)
  type!: DeclarationType;
}

export class DeclarationIdParamDto {
  @ApiProperty()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'id must be a declaration id (UUID)' })
  id!: string;
}
