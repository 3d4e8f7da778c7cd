import { Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, type Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { DeadLetterDesk } from '@bureaunet/persistence';
import { Audited } from './auth/audited.decorator';
import { Roles } from './auth/roles.decorator';
import {
  DEAD_LETTER_PAGE_SIZE,
  DeadLetterDetailDto,
  DeadLetterDto,
  DeadLetterIdParamDto,
  DeadLetterQueryDto,
  deadLetterView,
  ReleaseOutcomeDto,
} from './dead-letter.dto';

export interface DeadLetterRouteTexts {
  /** What is parked here, for the list route's summary. */
  list: string;
  /** What a release does here, for its summary. */
  release: string;
}

/**
 * The administrator's routes over one service's dead letters (`api/admin/dead-letters`): list,
 * show with the bytes, release, drop. Each service mounts it over its own DeadLetterDesk.
 */
export function deadLetterController(desk: Type<DeadLetterDesk>, texts: DeadLetterRouteTexts): Type<unknown> {
  @ApiTags('admin')
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
  @ApiForbiddenResponse({ description: 'role-forbidden: only the admin role sees and handles dead letters' })
  @Roles('admin')
  @Controller('api/admin/dead-letters')
  class DeadLetterController {
    constructor(@Inject(desk) private readonly letters: DeadLetterDesk) {}

    @Get()
    @Audited('dead-letter.list')
    @ApiOperation({ summary: texts.list })
    @ApiOkResponse({ type: [DeadLetterDto] })
    async list(@Query() query: DeadLetterQueryDto): Promise<DeadLetterDto[]> {
      const rows = await this.letters.list({
        limit: query.limit ?? DEAD_LETTER_PAGE_SIZE,
        before: query.before,
        dropped: query.dropped ?? false,
      });
      return rows.map(deadLetterView);
    }

    @Get(':id')
    @Audited('dead-letter.show', { target: 'id' })
    @ApiOperation({ summary: 'One dead letter with its bytes (base64)' })
    @ApiOkResponse({ type: DeadLetterDetailDto })
    @ApiNotFoundResponse({ description: 'dead-letter-not-found' })
    async show(@Param() params: DeadLetterIdParamDto): Promise<DeadLetterDetailDto> {
      const letter = await this.letters.show(params.id);
      return { ...deadLetterView(letter), raw: letter.raw.toString('base64') };
    }

    @Post(':id/release')
    @Audited('dead-letter.release', { target: 'id' })
    @HttpCode(HttpStatus.OK)
    @ApiOperation({ summary: texts.release })
    @ApiOkResponse({ type: ReleaseOutcomeDto })
    @ApiConflictResponse({ description: 'dead-letter-still-failing: it failed again and is kept' })
    @ApiNotFoundResponse({ description: 'dead-letter-not-found' })
    release(@Param() params: DeadLetterIdParamDto): Promise<ReleaseOutcomeDto> {
      return this.letters.release(params.id);
    }

    @Delete(':id')
    @Audited('dead-letter.drop', { target: 'id' })
    @HttpCode(HttpStatus.NO_CONTENT)
    @ApiOperation({ summary: 'Gives it up; kept as a record (GET ?dropped=true)' })
    @ApiNoContentResponse()
    @ApiNotFoundResponse({ description: 'dead-letter-not-found' })
    drop(@Param() params: DeadLetterIdParamDto): Promise<void> {
      return this.letters.drop(params.id);
    }
  }
  return DeadLetterController;
}
