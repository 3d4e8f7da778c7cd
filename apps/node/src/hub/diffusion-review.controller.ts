import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { actorOf, Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { DiffusionDto, DiffusionIdParamDto, DiffusionReviewQueryDto } from '../diffusion/diffusion.dto';
import { DiffusionReviewService } from './diffusion-review.service';

/** On the hub only: its review of every diffusion it received. Withdrawal is POST /api/diffusions/:id/withdraw. */
@ApiTags('review')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('reviewer', 'admin')
@Controller('api/review/diffusions')
export class DiffusionReviewController {
  constructor(private readonly reviews: DiffusionReviewService) {}

  @Get()
  @Audited('diffusion.review-list')
  @ApiOperation({
    summary: "The hub's diffusion review: pending ones (the queue), or those found compliant or withdrawn",
  })
  @ApiOkResponse({ type: [DiffusionDto] })
  @ApiBadRequestResponse({ description: '{code, reason}: the reason names the field' })
  list(@Query() query: DiffusionReviewQueryDto): Promise<DiffusionDto[]> {
    return this.reviews.list(query);
  }

  @Post(':id/compliant')
  @Audited('diffusion.compliant', { target: 'id' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Find a pending diffusion compliant: the review records the reviewer and the time' })
  @ApiOkResponse({ type: DiffusionDto })
  @ApiNotFoundResponse({ description: 'diffusion-not-found' })
  @ApiConflictResponse({ description: 'diffusion-reviewed: it is not pending review' })
  compliant(@Param() params: DiffusionIdParamDto, @CurrentCaller() caller: Caller): Promise<DiffusionDto> {
    return this.reviews.compliant(params.id, actorOf(caller));
  }
}
