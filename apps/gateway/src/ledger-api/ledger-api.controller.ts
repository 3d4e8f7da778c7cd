import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SignedTreeHeadJson } from '@bureaunet/ledger';
import {
  ConsistencyDto,
  ConsistencyQueryDto,
  EntriesDto,
  EntriesQueryDto,
  GatewayKeyDto,
  ProofByHashDto,
  ProofByHashQueryDto,
  SignedTreeHeadDto,
} from './ledger-api.dto';
import { AuditorOnly } from './auditor-only.decorator';
import { LedgerQueryService } from './ledger-query.service';

/** The auditor's view of the log, shaped after RFC 6962 section 4. */
@ApiTags('ledger')
@AuditorOnly()
@Controller('ledger/v1')
export class LedgerApiController {
  constructor(private readonly ledger: LedgerQueryService) {}

  @Get('get-sth')
  @ApiOperation({ summary: 'The latest signed tree head' })
  @ApiOkResponse({ type: SignedTreeHeadDto })
  getSth(): SignedTreeHeadJson {
    return this.ledger.signedTreeHead();
  }

  @Get('get-sth-consistency')
  @ApiOperation({ summary: 'Consistency proof between two tree sizes' })
  @ApiOkResponse({ type: ConsistencyDto })
  @ApiBadRequestResponse({ description: 'invalid-request | bad-range' })
  getSthConsistency(@Query() query: ConsistencyQueryDto): Promise<ConsistencyDto> {
    return this.ledger.consistency(query.first, query.second);
  }

  @Get('get-proof-by-hash')
  @ApiOperation({ summary: 'Inclusion proof of a leaf, found by its hash' })
  @ApiOkResponse({ type: ProofByHashDto })
  @ApiBadRequestResponse({ description: 'invalid-request | bad-range' })
  @ApiNotFoundResponse({ description: 'leaf-not-found' })
  getProofByHash(@Query() query: ProofByHashQueryDto): Promise<ProofByHashDto> {
    return this.ledger.proofByHash(query.hash, query.tree_size);
  }

  @Get('get-entries')
  @ApiOperation({ summary: 'Entries start..end (inclusive), at most 1000, within the latest signed tree head' })
  @ApiOkResponse({ type: EntriesDto })
  @ApiBadRequestResponse({ description: 'invalid-request | bad-range' })
  getEntries(@Query() query: EntriesQueryDto): Promise<EntriesDto> {
    return this.ledger.entries(query.start, query.end);
  }

  @Get('get-key')
  @ApiOperation({ summary: "The gateway's tree-head signing certificate (pin one obtained out of band)" })
  @ApiOkResponse({ type: GatewayKeyDto })
  getKey(): GatewayKeyDto {
    return this.ledger.signingKey();
  }
}
