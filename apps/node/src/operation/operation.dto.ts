import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class SendAlertDto {
  @ApiProperty({ example: 'Suspect vehicle crossing tonight' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'Grey van, plate AB-123-CD, heading north' })
  @IsString()
  @Length(1, 4000)
  details!: string;

  @ApiPropertyOptional({ enum: ['routine', 'urgent', 'immediate'] })
  @IsOptional()
  @IsIn(['routine', 'urgent', 'immediate'])
  priority?: 'routine' | 'urgent' | 'immediate';
}

export class ReplyDto {
  @ApiProperty({ example: 'Border post 12 alerted, no sighting yet' })
  @IsString()
  @Length(1, 4000)
  text!: string;
}

export class OperationDto {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  coordinator!: string;
  @ApiProperty({ type: [String] })
  participants!: string[];
  @ApiProperty()
  start!: string;
  @ApiProperty()
  end!: string;
  @ApiProperty({ enum: ['coordinator', 'participant'] })
  role!: 'coordinator' | 'participant';
  @ApiProperty({ enum: ['planned', 'running', 'ended'] })
  phase!: 'planned' | 'running' | 'ended';
}

export class AlertDto {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  operationId!: string;
  @ApiProperty()
  from!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  body!: unknown;
  @ApiProperty()
  receivedAt!: string;
}

export class AlertSentDto {
  @ApiProperty()
  id!: string;
  @ApiProperty({ type: [String] })
  to!: string[];
}
