import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import {
  BUREAU_CODE_PATTERN,
  BUREAU_ROLES,
  BUREAU_STATUSES,
  type BureauRole,
  type BureauStatus,
  type DirectoryEntry,
  type PreviousCertificate,
} from '@bureaunet/contracts';
import type { DirectoryListing } from './directory.service';

export const BUREAU_CODE_MESSAGE = 'code must be a two-letter upper-case bureau code (ISO 3166-1 alpha-2)';

export class BureauCodeParamDto {
  @ApiProperty({ example: 'FR', pattern: BUREAU_CODE_PATTERN.source })
  @Matches(BUREAU_CODE_PATTERN, { message: BUREAU_CODE_MESSAGE })
  code!: string;
}

export class DirectoryEntryDto implements DirectoryEntry {
  @ApiProperty({ example: 'FR' })
  code!: string;

  @ApiProperty({ enum: BUREAU_ROLES })
  role!: BureauRole;

  @ApiProperty({ enum: BUREAU_STATUSES })
  status!: BureauStatus;

  @ApiPropertyOptional({
    description: 'PEM of the current Ed25519 signing certificate; absent before enrolment and after revocation',
  })
  signingCertificate?: string;

  @ApiPropertyOptional({
    description: 'PEM of the current X25519 encryption certificate; absent before enrolment and after revocation',
  })
  encryptionCertificate?: string;

  @ApiPropertyOptional({
    description: 'Certificates a renewal replaced, still honoured until `until`: {use, certificate (PEM), until}[]',
  })
  previousCertificates?: PreviousCertificate[];

  @ApiProperty({ type: [String], description: 'Lower-case hex serials of every revoked certificate of this bureau' })
  revokedSerials!: string[];

  @ApiProperty({ description: 'Directory version of this entry’s last change' })
  version!: number;
}

export class DirectoryListingDto implements DirectoryListing {
  @ApiProperty({ type: [DirectoryEntryDto] })
  entries!: DirectoryEntryDto[];

  @ApiProperty({ description: 'Directory version: the highest entry version' })
  version!: number;
}
