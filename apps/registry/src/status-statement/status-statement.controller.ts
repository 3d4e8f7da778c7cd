import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SnapshotReader } from '@bureaunet/persistence';
import { Public } from '@bureaunet/platform';
import { PEM_FILE_CONTENT_TYPE } from '../pki/pki.controller';
import type { StatusSigningIdentity } from '../pki/status-signing.identity';
import { STATUS_SIGNING_IDENTITY } from '../pki/status-signing.provider';
import { MAX_STATEMENTS_PER_ANSWER, StatusStatementsDto, StatusStatementsQueryDto } from './status-statement.dto';
import { StatusStatementRepository } from './status-statement.repository';

/** Public like the directory: statements are signed, and what they say is what the directory says. */
@ApiTags('pki')
@Public()
@Controller('api/pki')
export class StatusStatementController {
  constructor(
    private readonly snapshot: SnapshotReader,
    private readonly statements: StatusStatementRepository,
    @Inject(STATUS_SIGNING_IDENTITY) private readonly identity: StatusSigningIdentity,
  ) {}

  @Get('status-statements')
  @ApiOkResponse({ type: StatusStatementsDto })
  @ApiBadRequestResponse({ description: 'invalid-request' })
  async statementsAbout(@Query() query: StatusStatementsQueryDto): Promise<StatusStatementsDto> {
    const rows = await this.snapshot.read((manager) =>
      this.statements.find(manager, {
        fingerprint: query.fingerprint,
        ...(query.at ? { at: new Date(query.at) } : {}),
        limit: MAX_STATEMENTS_PER_ANSWER,
      }),
    );
    return { statements: rows.map((row) => row.jws) };
  }

  @Get('status-certificate')
  @Header('Content-Type', PEM_FILE_CONTENT_TYPE)
  @ApiProduces(PEM_FILE_CONTENT_TYPE)
  @ApiOkResponse({
    description: 'The registry certificate (CN XR, issued by the CA) that signs status statements (PEM)',
    schema: { type: 'string' },
  })
  statusCertificate(): string {
    return this.identity.certificatePem;
  }
}
