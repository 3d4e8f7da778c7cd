import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DirectoryEntry } from '@bureaunet/contracts';
import { Public } from '@bureaunet/platform';
import { BureauCodeParamDto, DirectoryEntryDto, DirectoryListingDto } from './directory.dto';
import { DirectoryService, type DirectoryListing } from './directory.service';

@ApiTags('directory')
@Public()
@Controller('api/directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiOkResponse({ type: DirectoryListingDto })
  list(): Promise<DirectoryListing> {
    return this.directory.list();
  }

  @Get(':code')
  @ApiOkResponse({ type: DirectoryEntryDto })
  @ApiNotFoundResponse({ description: 'unknown-bureau' })
  get(@Param() params: BureauCodeParamDto): Promise<DirectoryEntry> {
    return this.directory.get(params.code);
  }
}
