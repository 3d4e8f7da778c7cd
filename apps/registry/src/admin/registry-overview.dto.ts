import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CertificatesQueryDto extends createZodDto(
  z
    .object({
      code: z
        .string()
        .regex(/^[A-Z]{2}$/, 'must be a bureau code (two capital letters)')
        .optional()
        .describe('Only this bureau’s certificates'),
    })
    .strict(),
) {}

export class BureauOverviewDto {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['bureau', 'hub', 'gateway'] }) role!: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status!: string;
  @ApiProperty({ description: 'Directory version of its last change' }) version!: number;
  @ApiProperty({ description: 'When it was registered (ISO 8601)' }) registeredAt!: string;
  @ApiPropertyOptional({ description: 'When its first certificates were issued; absent until it enrols' })
  enrolledAt?: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ description: 'Expiry of its current signing certificate' }) signingNotAfter?: string;
}

export class CertificateOverviewDto {
  @ApiProperty() serial!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['signing', 'encryption'] }) use!: string;
  @ApiProperty({ enum: ['current', 'superseded', 'revoked', 'expired'] }) state!: string;
  @ApiProperty() notBefore!: string;
  @ApiProperty() notAfter!: string;
  @ApiProperty({ description: 'Whole days until notAfter (negative once expired)' }) expiresInDays!: number;
  @ApiPropertyOptional() revokedAt?: string;
  @ApiPropertyOptional({ description: 'A renewal replaced it: honoured until then' }) overlapUntil?: string;
  @ApiProperty() issuedAt!: string;
}

export class RevocationFreshnessDto {
  @ApiProperty({ description: 'The directory version that holds the revocations listed' }) directoryVersion!: number;
  @ApiPropertyOptional({
    description: 'When the registry last told gateway and nodes which version is current (heartbeat)',
  })
  publishedAt?: string;
  @ApiPropertyOptional({ description: 'Milliseconds since then' }) ageMs?: number;
  @ApiProperty({ description: 'The heartbeat interval (REGISTRY_HEARTBEAT_MS)' }) heartbeatMs!: number;
}

export class CertificatesOverviewDto {
  @ApiProperty({ type: [CertificateOverviewDto] }) certificates!: CertificateOverviewDto[];
  @ApiProperty({ type: RevocationFreshnessDto }) revocation!: RevocationFreshnessDto;
}
