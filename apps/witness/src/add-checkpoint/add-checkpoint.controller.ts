import { Controller, Get, HttpCode, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { DomainError } from '@bureaunet/contracts';
import { Public } from '@bureaunet/platform';
import { WitnessError } from '@bureaunet/witness';
import { WITNESS_CONFIG, type WitnessConfig } from '../witness.config';
import { AddCheckpointService } from './add-checkpoint.service';
import { readBoundedText } from './bounded-body.reader';
import { witnessErrorStatus } from './witness-error.status';

/** A checkpoint note of the gateway is some 200 bytes; 16 KiB is the Go witness's bound too. */
export const MAX_ADD_CHECKPOINT_BYTES = 16 * 1024;

/**
 * C2SP tlog-witness over HTTP: text in, text out, the spec's statuses. Public: the caller proves
 * itself by the log signature on the checkpoint, not by a token.
 */
@ApiTags('witness')
@Public()
@Controller()
export class AddCheckpointController {
  private readonly logger = new Logger('AddCheckpoint');
  private readonly origins: ReadonlyMap<string, string>;

  constructor(
    private readonly service: AddCheckpointService,
    @Inject(WITNESS_CONFIG) config: WitnessConfig,
  ) {
    this.origins = new Map(config.logs.map((log) => [originHash(log.origin), log.origin]));
  }

  @Post('add-checkpoint')
  @HttpCode(200)
  @ApiOperation({ summary: 'tlog-witness add-checkpoint: cosign a checkpoint consistent with the last one cosigned' })
  @ApiConsumes('text/plain')
  @ApiProduces('text/plain')
  @ApiBody({
    schema: { type: 'string' },
    description: '"old <size>", consistency proof lines, an empty line, the signed checkpoint',
  })
  @ApiResponse({ status: 200, description: 'the cosignature line(s)' })
  @ApiResponse({ status: 409, description: 'text/x.tlog.size: the size this witness last cosigned' })
  @ApiResponse({
    status: 400,
    description: 'malformed request, note or checkpoint; old size larger than the checkpoint',
  })
  @ApiResponse({ status: 403, description: "no valid signature of the log's key" })
  @ApiResponse({ status: 404, description: 'a log this witness does not follow' })
  @ApiResponse({ status: 422, description: 'split view, bad consistency proof, bad empty tree root' })
  async addCheckpoint(@Req() request: Request, @Res() response: Response): Promise<void> {
    try {
      const outcome = await this.service.add(await readBoundedText(request, MAX_ADD_CHECKPOINT_BYTES));
      if (outcome.status === 'conflict') {
        // Exactly this type, no charset: Go's clients compare the header to the literal.
        response.status(409).setHeader('content-type', 'text/x.tlog.size');
        response.end(`${outcome.latestSize}\n`);
        return;
      }
      response.status(200).type('text/plain; charset=utf-8').send(outcome.signatureLines);
    } catch (error) {
      this.refuse(error, response);
    }
  }

  @Get(':originHash/checkpoint')
  @ApiOperation({ summary: 'The latest checkpoint cosigned for a log, by the lowercase hex SHA-256 of its origin' })
  @ApiProduces('text/plain')
  async latest(@Param('originHash') hash: string, @Res() response: Response): Promise<void> {
    const origin = this.origins.get(hash);
    const note = origin === undefined ? undefined : await this.service.latest(origin);
    if (note === undefined) {
      response.status(404).type('text/plain').send('no checkpoint cosigned for that origin\n');
      return;
    }
    response.status(200).type('text/plain; charset=utf-8').send(note);
  }

  private refuse(error: unknown, response: Response): void {
    if (error instanceof WitnessError) {
      const status = witnessErrorStatus(error.code);
      if (status >= 500) this.logger.error(`add-checkpoint failed: ${error.code}: ${error.message}`);
      response.status(status).type('text/plain').send(`${error.code}: ${error.message}\n`);
      return;
    }
    if (error instanceof DomainError) {
      const status = error.kind === 'too-large' ? 413 : 400;
      response.status(status).type('text/plain').send(`${error.code}: ${error.message}\n`);
      return;
    }
    this.logger.error(`add-checkpoint failed: ${error instanceof Error ? error.stack : String(error)}`);
    response.status(500).type('text/plain').send('internal error\n');
  }
}

export function originHash(origin: string): string {
  return createHash('sha256').update(origin, 'utf8').digest('hex');
}
