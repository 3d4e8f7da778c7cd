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
} from '@nestjs/swagger';
import { Audited, Roles } from '@bureaunet/platform';
import { ReasonDto } from '../notice/notice.dto';
import { DiffusionDto, DiffusionListQueryDto, SendDiffusionDto, WorkflowStepDto } from './diffusion.dto';
import { DiffusionService } from './diffusion.service';

@ApiTags('diffusions')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'admin')
@Controller('api/diffusions')
export class DiffusionController {
  constructor(private readonly diffusions: DiffusionService) {}

  @Post()
  @Audited('diffusion.send')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Send a diffusion to chosen countries or all (a copy goes to the hub for compliance)' })
  @ApiCreatedResponse({ type: WorkflowStepDto })
  @ApiBadRequestResponse({ description: '{code, reason}: the reason names the field' })
  send(@Body() dto: SendDiffusionDto): Promise<WorkflowStepDto> {
    return this.diffusions.send(dto);
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
  @ApiOperation({ summary: 'Withdraw a diffusion (hub): every recipient marks it withdrawn' })
  @ApiCreatedResponse({ type: WorkflowStepDto })
  withdraw(@Param('id') id: string, @Body() dto: ReasonDto): Promise<WorkflowStepDto> {
    return this.diffusions.withdraw(id, dto.reason);
  }
}
