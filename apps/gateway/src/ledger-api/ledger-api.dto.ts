import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { queryInteger } from '@bureaunet/platform';

export const MAX_ENTRIES_PER_PAGE = 1_000;

export class ConsistencyQueryDto extends createZodDto(
  z
    .object({
      first: queryInteger(0).describe('Tree size of the older head'),
      second: queryInteger(0).describe('Tree size of the newer head, at most the latest signed tree size'),
    })
    .strict(),
) {}

export class ProofByHashQueryDto extends createZodDto(
  z
    .object({
      hash: z
        .string()
        .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (44 characters ending in =)')
        .describe('Leaf hash, SHA-256(0x00 || leaf_input), base64'),
      tree_size: queryInteger(1).describe('Tree size the proof is for, at most the latest signed tree size'),
    })
    .strict(),
) {}

export class EntriesQueryDto extends createZodDto(
  z
    .object({
      start: queryInteger(0).describe('Index of the first entry'),
      end: queryInteger(0).describe(
        `Index of the last entry (inclusive); at most ${MAX_ENTRIES_PER_PAGE} are returned, none beyond the latest signed tree head`,
      ),
    })
    .strict(),
) {}

export class TrailParamDto extends createZodDto(
  z
    .object({
      messageId: z
        .string()
        .regex(/^[A-Za-z0-9._:-]{1,80}$/, 'must be 1-80 characters of letters, digits and ._:-')
        .describe('The envelope id of the message'),
    })
    .strict(),
) {}

export class SignedTreeHeadDto {
  @ApiProperty() tree_size!: number;
  @ApiProperty({ description: 'Milliseconds since the epoch' }) timestamp!: number;
  @ApiProperty({ description: 'base64' }) sha256_root_hash!: string;
  @ApiProperty({
    description:
      'base64 of a TLS DigitallySigned: 0x08 0x07 (ed25519), uint16 length 64, Ed25519 signature over RFC 6962 §3.5 TreeHeadSignature',
  })
  tree_head_signature!: string;
}

export class ConsistencyDto {
  @ApiProperty({ type: [String], description: 'base64 hashes, RFC 6962 §2.1.2 order' }) consistency!: string[];
}

export class ProofByHashDto {
  @ApiProperty() leaf_index!: number;
  @ApiProperty({ type: [String], description: 'base64 hashes, bottom-up' }) audit_path!: string[];
}

export class EntryDto {
  @ApiProperty({ description: 'base64 of the exact bytes hashed into the leaf: the canonical (RFC 8785) JSON entry' })
  leaf_input!: string;
  @ApiProperty({ description: 'always empty' }) extra_data!: string;
}

export class EntriesDto {
  @ApiProperty({ type: [EntryDto] }) entries!: EntryDto[];
}

export class TrailEntryDto {
  @ApiProperty() leaf_index!: number;
  @ApiProperty({ description: 'base64 of the hashed bytes' }) leaf_input!: string;
  @ApiProperty({ description: 'base64' }) leaf_hash!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'leaf_input decoded, for reading; verify leaf_input',
  })
  entry!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'inclusion proof against sth, base64, bottom-up' }) audit_path!: string[];
}

export class TrailDto {
  @ApiProperty() message_id!: string;
  @ApiProperty({ type: SignedTreeHeadDto, description: 'The signed tree head every proof leads to' })
  sth!: SignedTreeHeadDto;
  @ApiProperty({ type: [TrailEntryDto] }) entries!: TrailEntryDto[];
  @ApiProperty({
    description:
      "C2SP checkpoint (signed note) of sth's tree size and root: signed by the gateway's key under LEDGER_ORIGIN, and cosigned by the witnesses that answered",
  })
  checkpoint!: string;
}

export class GatewayKeyDto {
  @ApiProperty({ description: 'JOSE kid of the signing key (certificate SHA-256 thumbprint)' }) key_id!: string;
  @ApiProperty({
    description: "PEM of the gateway's signing certificate; pin a copy obtained out of band, not this one",
  })
  certificate!: string;
  @ApiProperty({ description: 'PEM (SPKI) of the Ed25519 public key' }) public_key!: string;
}
