import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  BUREAU_ROLES,
  BUREAU_STATUSES,
  type BureauRole,
  type BureauStatus,
  type DirectoryEntry,
  type PreviousCertificate,
  directoryGetRequestSchema,
} from '@bureaunet/contracts';
import type { DirectoryListing } from './directory.service';

/** The contract's own request: `code`, a bureau code. */
export class BureauCodeParamDto extends createZodDto(directoryGetRequestSchema) {}

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
