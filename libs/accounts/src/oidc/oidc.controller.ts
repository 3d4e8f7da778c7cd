import { Controller, Get, HttpStatus, Req, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiFoundResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '@bureaunet/contracts';
import { Public } from '@bureaunet/platform/stateless';
import { setSessionCookie } from '../session.cookie';
import { clearOidcBrowserCookie, oidcBrowserTokenOf, setOidcBrowserCookie } from './oidc-browser.cookie';
import { OidcSignInService } from './oidc-sign-in.service';

/** Single sign-on with the bureau's OpenID Connect provider: out to it, and back with a session. */
@ApiTags('session')
@Controller('api/session/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcSignInService) {}

  @Public()
  @Get()
  @ApiFoundResponse({ description: 'To the provider’s authorization endpoint (code flow, PKCE, state, nonce)' })
  async start(@Req() request: Request, @Res() response: Response): Promise<void> {
    await answerBrowser(request, response, async () => {
      const start = await this.oidc.begin();
      setOidcBrowserCookie(response, start.browserToken);
      response.redirect(HttpStatus.FOUND, start.location);
    });
  }

  @Public()
  @Get('callback')
  @ApiFoundResponse({ description: 'Signed in: the bn_session cookie is set, to the console at /' })
  @ApiUnauthorizedResponse({ description: 'oidc-state-invalid | oidc-sign-in-failed' })
  @ApiForbiddenResponse({ description: 'oidc-unknown-person | account-disabled' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const browserToken = oidcBrowserTokenOf(request);
    clearOidcBrowserCookie(response);
    await answerBrowser(request, response, async () => {
      const opened = await this.oidc.complete(callbackQuery(request), browserToken);
      setSessionCookie(response, opened.token);
      response.redirect(HttpStatus.FOUND, '/');
    });
  }
}

/**
 * A browser that navigated here (Sec-Fetch-Mode: navigate) is sent back to the sign-in page with
 * the refusal's code, which it shows in the person's language; any other client gets the usual
 * {code, reason} with its status from the error filter.
 */
async function answerBrowser(request: Request, response: Response, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DomainError) || request.headers['sec-fetch-mode'] !== 'navigate') throw error;
    response.redirect(HttpStatus.FOUND, `/#/sign-in/sso-failed/${encodeURIComponent(error.code)}`);
  }
}

/** The provider's answer: the query of the URL it sent the browser to (the rest is this route). */
function callbackQuery(request: Request): URLSearchParams {
  const query = request.originalUrl.indexOf('?');
  return new URLSearchParams(query < 0 ? '' : request.originalUrl.slice(query + 1));
}
