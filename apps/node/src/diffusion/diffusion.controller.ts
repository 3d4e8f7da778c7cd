import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReasonDto } from '../notice/notice.dto';
import { DiffusionDto, DiffusionListQueryDto, SendDiffusionDto, WorkflowStepDto } from './diffusion.dto';
import { DiffusionService } from './diffusion.service';

@ApiTags('diffusions')
@Controller('api/diffusions')
export class DiffusionController {
  constructor(private readonly diffusions: DiffusionService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Send a diffusion to chosen countries or all (a copy goes to the hub for compliance)' })
  @ApiCreatedResponse({ type: WorkflowStepDto })
  @ApiBadRequestResponse({ description: '{code, reason}: the reason names the field' })
  send(@Body() dto: SendDiffusionDto): Promise<WorkflowStepDto> {
    return this.diffusions.send(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Diffusions sent or received here (on the hub: the compliance queue); active ones by default' })
  @ApiOkResponse({ type: [DiffusionDto] })
  list(@Query() query: DiffusionListQueryDto): Promise<DiffusionDto[]> {
    return this.diffusions.list(query);
  }

  @Post(':id/withdraw')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Withdraw a diffusion (hub): every recipient marks it withdrawn' })
  @ApiCreatedResponse({ type: WorkflowStepDto })
  withdraw(@Param('id') id: string, @Body() dto: ReasonDto): Promise<WorkflowStepDto> {
    return this.diffusions.withdraw(id, dto.reason);
  }
}
