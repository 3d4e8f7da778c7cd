import { ApiProperty } from '@nestjs/swagger';
import type { IdentityExpiry } from '@bureaunet/identity';

export class CertificateExpiryDto {
  @ApiProperty({ format: 'date-time' })
  notAfter!: string;

  @ApiProperty({ description: 'Whole days left, rounded down; negative once expired' })
  daysLeft!: number;
}

export class KeyCertificateExpiryDto extends CertificateExpiryDto {
  @ApiProperty({ description: 'JOSE kid of the certificate' })
  kid!: string;
}

export class IdentityExpiryDto implements IdentityExpiry {
  @ApiProperty({ type: KeyCertificateExpiryDto })
  signing!: KeyCertificateExpiryDto;

  @ApiProperty({ type: KeyCertificateExpiryDto })
  encryption!: KeyCertificateExpiryDto;

  @ApiProperty({ type: CertificateExpiryDto, description: 'The CA the certificates chain to' })
  ca!: CertificateExpiryDto;
}

export class OutboxAlertsDto {
  @ApiProperty({
    description: 'Recipients the node gave up republishing to (state overdue: see GET /api/messages/{id})',
  })
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
  @ApiProperty({
    description: 'Deliveries parked as dead letters, waiting for an administrator (GET /api/admin/dead-letters)',
  })
  deadLetters!: number;

  @ApiProperty({
    type: IdentityExpiryDto,
    description: 'When its certificates and the CA expire; renewed automatically before',
  })
  certificates!: IdentityExpiryDto;
}
