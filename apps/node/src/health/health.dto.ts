import { ApiProperty } from '@nestjs/swagger';

export class OutboxAlertsDto {
  @ApiProperty({ description: 'Recipients the node gave up republishing to (state overdue: see GET /api/messages/{id})' })
  overdue!: number;

  @ApiProperty({ description: 'Envelopes the node gave up on without any delivery report' })
  unreported!: number;

  @ApiProperty({ description: 'Envelopes still being republished after a failure or a missed deadline' })
  retrying!: number;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ description: "This node's bureau code", example: 'MR' })
  code!: string;

  @ApiProperty({ type: OutboxAlertsDto, description: 'Alerts on the sending side' })
  outbox!: OutboxAlertsDto;
  @ApiProperty({ description: 'Deliveries parked as dead letters, waiting for an administrator (GET /api/admin/dead-letters)' })
  deadLetters!: number;
}
