import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '@bureaunet/platform/stateless';
import { OidcSignInService } from './oidc-sign-in.service';

/** How people may sign in here: a password always; single sign-on when the bureau configured a provider. */
export interface SignInMethods {
  password: true;
  oidc?: { name: string };
}

class OidcMethodDto {
  @ApiProperty({ example: 'MR Police ID' })
  name!: string;
}

export class SignInMethodsDto implements SignInMethods {
  @ApiProperty({ enum: [true] })
  password!: true;

  @ApiPropertyOptional({ type: OidcMethodDto, description: 'Present when single sign-on is on' })
  oidc?: OidcMethodDto;
}

@ApiTags('session')
@Controller('api/session/methods')
export class SignInMethodsController {
  constructor(private readonly oidc: OidcSignInService) {}

  // Public: the sign-in page asks before anyone has signed in.
  @Public()
  @Get()
  @ApiOkResponse({ type: SignInMethodsDto })
  methods(): SignInMethods {
    const name = this.oidc.providerName();
    return { password: true, ...(name === undefined ? {} : { oidc: { name } }) };
  }
}
