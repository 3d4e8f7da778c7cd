import { Controller, Get, Header } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@bureaunet/contracts';
import { Public } from '@bureaunet/platform';
import { CheckpointCosigner } from '../ledger/checkpoint/checkpoint-cosigner.service';

/**
 * The latest checkpoint with its cosignatures. Public, as checkpoints are meant to be gossiped: it
 * gives a size and a root, nothing of the entries, and is worth most to those who compare it.
 */
@ApiTags('ledger')
@Public()
@Controller('api/ledger/checkpoint')
export class CheckpointController {
  constructor(private readonly cosigner: CheckpointCosigner) {}

  @Get()
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary:
      "The latest checkpoint (C2SP signed note): signed with the gateway's key under LEDGER_ORIGIN, cosigned by the witnesses that answered",
  })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'no-checkpoint' })
  async latest(): Promise<string> {
    const note = await this.cosigner.latest();
    if (note === undefined)
      throw new DomainError('no-checkpoint', 'the ledger has not made a checkpoint yet', 'not-found');
    return note;
  }
}
