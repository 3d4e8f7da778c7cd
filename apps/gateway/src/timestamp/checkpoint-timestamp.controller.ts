import { Controller, Get, Header, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@bureaunet/platform';
import { CheckpointTimestampDto, CheckpointTimestampQueryDto } from './checkpoint-timestamp.dto';
import { CheckpointTimestampService } from './checkpoint-timestamp.service';

/**
 * The TSA's token over one checkpoint. Public like the checkpoint itself: it gives a size, a root
 * and a time, nothing of the entries.
 */
@ApiTags('ledger')
@Public()
@Controller('api/ledger/timestamp')
export class CheckpointTimestampController {
  constructor(private readonly timestamps: CheckpointTimestampService) {}

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'RFC 3161 time-stamp token (DER, base64) over SHA-256 of the checkpoint note text of tree size tree_size, with that text and the TSA CA',
  })
  @ApiOkResponse({ type: CheckpointTimestampDto })
  @ApiNotFoundResponse({ description: 'no-timestamp' })
  @ApiServiceUnavailableResponse({ description: 'tsa-not-configured' })
  async get(@Query() query: CheckpointTimestampQueryDto): Promise<CheckpointTimestampDto> {
    const row = await this.timestamps.token(query.tree_size);
    return {
      tree_size: row.treeSize,
      checkpoint: row.checkpoint,
      token: row.token,
      gen_time: new Date(row.genTime).toISOString(),
      tsa_ca: this.timestamps.tsaCa(),
    };
  }
}
