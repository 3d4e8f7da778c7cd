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

export class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ description: "This node's bureau code", example: 'MR' })
  code!: string;

  @ApiProperty({ type: IdentityExpiryDto, description: 'When its certificates and the CA expire; renewed automatically before' })
  certificates!: IdentityExpiryDto;
}
