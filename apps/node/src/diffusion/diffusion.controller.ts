import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { actorOf, Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { ReasonDto } from '../notice/notice.dto';
import { SendDryRun } from '../outbox/send-dry-run';
import {
  DiffusionDto,
  DiffusionListQueryDto,
  DiffusionSentDto,
  SendDiffusionDto,
  WorkflowStepDto,
} from './diffusion.dto';
import { diffusionMeta, DiffusionService } from './diffusion.service';

@ApiTags('diffusions')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'admin')
@Controller('api/diffusions')
export class DiffusionController {
  constructor(
    private readonly diffusions: DiffusionService,
    private readonly dryRun: SendDryRun,
  ) {}

  @Post()
  @Audited('diffusion.send')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Send a diffusion to chosen countries or all (a copy goes to the hub for compliance)' })
  @ApiCreatedResponse({ type: DiffusionSentDto })
  @ApiBadRequestResponse({ description: '{code, reason}: the reason names the field' })
  @ApiUnprocessableEntityResponse({
    description: "send-refused: the rules' dry-run says every recipient would be refused",
  })
  async send(@Body() dto: SendDiffusionDto): Promise<DiffusionSentDto> {
    const foreseenRefusals = await this.dryRun.foresee({
      kind: 'diffusion',
      to: this.diffusions.addressees(dto.to),
      meta: diffusionMeta(dto),
    });
    return { ...(await this.diffusions.send(dto)), foreseenRefusals };
  }

  @Get()
  @Audited('diffusion.list')
  @Roles('officer', 'reviewer', 'admin')
  @ApiOperation({
    summary: 'Diffusions sent or received here (on the hub: the compliance queue); active ones by default',
  })
  @ApiOkResponse({ type: [DiffusionDto] })
  list(@Query() query: DiffusionListQueryDto): Promise<DiffusionDto[]> {
    return this.diffusions.list(query);
  }

  @Post(':id/withdraw')
  @Audited('diffusion.withdraw', { target: 'id' })
  @Roles('reviewer', 'admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Withdraw a diffusion (hub): every recipient marks it withdrawn; the review names the reviewer',
  })
  @ApiCreatedResponse({ type: WorkflowStepDto })
  withdraw(@Param('id') id: string, @Body() dto: ReasonDto, @CurrentCaller() caller: Caller): Promise<WorkflowStepDto> {
    return this.diffusions.withdraw(id, dto.reason, actorOf(caller));
  }
}
