import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '@bureaunet/contracts';
import { Public } from '@bureaunet/platform/stateless';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session.cookie';
import { SessionViewDto, SignInDto, SignInLinkDto } from './session.dto';
import { SessionService, type SessionView } from './session.service';
import { SignInService, type OpenedSession } from './sign-in.service';

/** Signing in and out of this service's console: the session cookie (bn_session) and its CSRF token. */
@ApiTags('session')
@Controller('api/session')
export class SessionController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionViewDto, description: 'Signed in: the bn_session cookie is set' })
  @ApiUnauthorizedResponse({ description: 'sign-in-failed | totp-required | totp-invalid' })
  @ApiForbiddenResponse({ description: 'account-disabled' })
  @ApiTooManyRequestsResponse({ description: 'sign-in-throttled' })
  async create(
    @Body() body: SignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    return this.adopt(await this.signIn.withPassword(body, clientAddress(request)), response);
  }

  @Public()
  @Post('link')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionViewDto, description: 'Signed in by a one-time link: the bn_session cookie is set' })
  @ApiUnauthorizedResponse({ description: 'link-invalid: unknown, used or expired' })
  @ApiForbiddenResponse({ description: 'account-disabled' })
  async createWithLink(
    @Body() body: SignInLinkDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    return this.adopt(await this.signIn.withLink(body.token, clientAddress(request)), response);
  }

  // Public: it answers from the cookie itself, so a page can ask whether it is signed in.
  @Public()
  @Get()
  @ApiOkResponse({ type: SessionViewDto })
  @ApiUnauthorizedResponse({ description: 'session-missing | session-expired' })
  async read(@Req() request: Request): Promise<SessionView> {
    const token = sessionTokenOf(request);
    const live = token === undefined ? undefined : await this.sessions.resolve(token);
    if (!live) throw new DomainError('session-missing', 'not signed in here', 'unauthorized');
    if (live.person.disabled) throw new DomainError('account-disabled', 'this account is disabled', 'forbidden');
    return this.sessions.view(live);
  }

  @Public()
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Signed out: the session is gone and the cookie cleared' })
  @ApiForbiddenResponse({ description: 'csrf-missing | csrf-invalid' })
  async remove(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = sessionTokenOf(request);
    if (token !== undefined) await this.sessions.signOut(token, request.headers['x-csrf-token']);
    clearSessionCookie(response);
  }

  private adopt(opened: OpenedSession, response: Response): SessionView {
    setSessionCookie(response, opened.token);
    return this.sessions.view(opened);
  }
}

/** The peer's address (no proxy is trusted: X-Forwarded-For would let a client pick its own bucket). */
function clientAddress(request: Request): string {
  return request.socket.remoteAddress ?? 'unknown';
}
