import { ApiProperty } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ description: "This node's bureau code", example: 'MR' })
  code!: string;

  @ApiProperty({ description: 'Deliveries parked as dead letters, waiting for an administrator (GET /api/admin/dead-letters)' })
  deadLetters!: number;
}
