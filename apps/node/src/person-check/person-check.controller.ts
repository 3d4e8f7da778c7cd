import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { checkAttribution } from '../check/check-attribution';
import { PersonCheckDto, PersonCheckRequestDto } from './person-check.dto';
import { PersonCheckService } from './person-check.service';

@ApiTags('checks')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('border-officer', 'officer')
@Controller('api/checks')
export class PersonCheckController {
  constructor(private readonly checks: PersonCheckService) {}

  @Post('person')
  @Audited('check.person', { purpose: 'required' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Check a person against the wanted (red), missing (yellow) and sought (blue) notices and the diffusions about a person held here, locally: accents, transliterations, phonetics, one typo, swapped names and day/month swaps match, ranked with their reasons. A hit notifies the owner; the check is logged without the query.',
  })
  @ApiOkResponse({ type: PersonCheckDto })
  @ApiBadRequestResponse({
    description: '{code, reason}: the reason names the field (name-empty: no letter in a name)',
  })
  check(@Body() dto: PersonCheckRequestDto, @CurrentCaller() caller: Caller | undefined): Promise<PersonCheckDto> {
    const { actor, place } = checkAttribution(caller, dto.place);
    return this.checks.check({ ...dto, ...(place !== undefined && { place }) }, actor);
  }
}
