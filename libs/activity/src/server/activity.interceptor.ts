import {
  Inject,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { SSE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@bureaunet/contracts';
import {
  AUDITED_KEY,
  CLOCK,
  actorOf,
  callerOf,
  type AuditedRequest,
  type AuditedSpec,
  type Caller,
  type Clock,
} from '@bureaunet/platform';
import { defer, from, lastValueFrom, mergeMap, type Observable } from 'rxjs';
import type { ActivityEntry } from '../activity-entry';
import { ActivityLog } from './activity.log';
import { statedPurpose, targetOf } from './audited-request.reader';

/**
 * Records every @Audited route's outcome in the activity log after the handler settles — done,
 * or refused with the DomainError code — and before the response is sent: the response waits for
 * the log's COMMIT, and a log that cannot be written fails the request rather than go unrecorded.
 * Routes RoleGuard refused never reach here (no handler ran; the guard answers 401/403).
 */
@Injectable()
export class ActivityInterceptor implements NestInterceptor {
  private readonly logger = new Logger(ActivityInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly log: ActivityLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.getAllAndOverride<AuditedSpec | undefined>(AUDITED_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!spec || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest & { headers: Record<string, unknown> }>();
    const caller = callerOf(request);
    if (!caller) return next.handle();
    return defer(() => this.run(spec, request, caller, context, next));
  }

  private run(
    spec: AuditedSpec,
    request: AuditedRequest & { headers: Record<string, unknown> },
    caller: Caller,
    context: ExecutionContext,
    next: CallHandler,
  ): Observable<unknown> {
    return from(this.entryFor(spec, request, caller)).pipe(
      mergeMap((entry) => {
        // An event stream (@Sse) is recorded when opened: it ends only when the client leaves.
        if (this.reflector.get<boolean | undefined>(SSE_METADATA, context.getHandler()))
          return from(this.record({ ...entry, outcome: 'done' })).pipe(mergeMap(() => next.handle()));
        return from(this.settle(entry, next));
      }),
    );
  }

  private async settle(entry: ActivityEntry, next: CallHandler): Promise<unknown> {
    let value: unknown;
    try {
      value = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.record({ ...entry, outcome: 'refused', code: codeOf(error) });
      throw error;
    }
    await this.record({ ...entry, outcome: 'done' });
    return value;
  }

  /** The entry before the outcome is known; throws purpose-required (recorded as refused) first. */
  private async entryFor(
    spec: AuditedSpec,
    request: AuditedRequest & { headers: Record<string, unknown> },
    caller: Caller,
  ): Promise<ActivityEntry> {
    const entry: ActivityEntry = {
      at: this.clock.now().toISOString(),
      actor: actorOf(caller),
      role: caller.role,
      action: spec.action,
      outcome: 'done',
    };
    if (caller.kind === 'person') {
      entry.personId = caller.person.personId;
      if (caller.person.borderPost) entry.borderPost = caller.person.borderPost;
    }
    const target = targetOf(spec, request);
    if (target !== undefined) entry.target = target;
    try {
      const purpose = statedPurpose(spec, request, caller);
      if (purpose !== undefined) entry.purpose = purpose;
    } catch (error) {
      await this.record({ ...entry, outcome: 'refused', code: codeOf(error) });
      throw error;
    }
    return entry;
  }

  private async record(entry: ActivityEntry): Promise<void> {
    try {
      await this.log.record(entry);
    } catch (error) {
      this.logger.error(
        `${entry.action} by ${entry.actor} could not be logged: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw error;
    }
  }
}

function codeOf(error: unknown): string {
  if (error instanceof DomainError && /^[a-z][a-z0-9-]{0,59}$/.test(error.code)) return error.code;
  // Validation pipes and Nest's own exceptions: the HTTP status says enough.
  const status = (error as { getStatus?: () => number }).getStatus?.();
  return typeof status === 'number' ? `http-${status}` : 'error';
}
