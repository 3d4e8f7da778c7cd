import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions, type ServiceView } from './accounts.options';
import { requireCsrfToken } from './csrf.check';
import { MAX_LIVE_SESSIONS } from './person.fields';
import type { PersonEntity } from './person.entity';
import { PersonRepository } from './person.repository';
import type { PersonSessionEntity, SessionVia } from './person-session.entity';
import { PersonSessionRepository } from './person-session.repository';
import { personView, type PersonView } from './person.view';
import { sessionEndsAt } from './session.expiry';
import { newSecret, secretDigest } from './secret-token';

/** What GET /api/session answers: who is signed in, the CSRF token, where, and until when unless used. */
export interface SessionView {
  person: PersonView;
  csrfToken: string;
  service: ServiceView;
  expiresAt: string;
}

export interface LiveSession {
  session: PersonSessionEntity;
  person: PersonEntity;
}

// lastSeenAt is written at most this often: a page's burst of requests costs one write, not one each.
const TOUCH_EVERY_MS = 15_000;

/** Opens, finds and closes sessions; the cookie's token is never stored, only its digest. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    private readonly writer: SerialWriter,
    private readonly sessions: PersonSessionRepository,
    private readonly people: PersonRepository,
  ) {}

  /**
   * Opens a session for a person inside the caller's transaction: drops their ended sessions and,
   * past MAX_LIVE_SESSIONS, their oldest. Returns the cookie's token (shown to the browser only).
   */
  async open(
    manager: EntityManager,
    person: PersonEntity,
    via: SessionVia,
  ): Promise<{ token: string; session: PersonSessionEntity }> {
    const now = this.options.clock.now();
    const theirs = await this.sessions.ofPerson(manager, person.id);
    const live = theirs.filter((session) => !this.hasEnded(session, now));
    const closing = [
      ...theirs.filter((session) => !live.includes(session)),
      ...live.slice(0, Math.max(0, live.length - (MAX_LIVE_SESSIONS - 1))),
    ];
    await this.sessions.delete(
      manager,
      closing.map((session) => session.id),
    );
    const token = newSecret();
    const at = now.toISOString();
    const session: PersonSessionEntity = {
      id: secretDigest(token),
      personId: person.id,
      csrfToken: newSecret(),
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(now.getTime() + this.options.settings.session.absoluteMs).toISOString(),
      via,
    };
    await this.sessions.insert(manager, session);
    return { token, session };
  }

  /**
   * The live session a cookie names, its lastSeenAt moved on; undefined when it names none here
   * (signed out, or another service's cookie on the same host). An ended one is deleted: 401 session-expired.
   * With `touch: false` it only checks: lastSeenAt stays, so the check is not activity.
   */
  async resolve(token: string, options: { touch: boolean } = { touch: true }): Promise<LiveSession | undefined> {
    const session = await this.sessions.findById(secretDigest(token));
    if (!session) return undefined;
    const now = this.options.clock.now();
    if (this.hasEnded(session, now)) {
      await this.writer.transaction((manager) => this.sessions.delete(manager, [session.id]));
      throw new DomainError('session-expired', 'the session has ended: sign in again', 'unauthorized');
    }
    const person = await this.people.findById(session.personId);
    if (!person) return undefined;
    if (options.touch && now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
      const at = now.toISOString();
      await this.writer.transaction((manager) => this.sessions.touch(manager, session.id, at));
      session.lastSeenAt = at;
    }
    return { session, person };
  }

  /** Ends the session a cookie names; a live one only with its CSRF token (a page elsewhere must not sign people out). */
  async signOut(token: string, csrfToken: string | string[] | undefined): Promise<void> {
    const session = await this.sessions.findById(secretDigest(token));
    if (!session) return;
    if (!this.hasEnded(session, this.options.clock.now())) requireCsrfToken(session.csrfToken, csrfToken);
    await this.writer.transaction((manager) => this.sessions.delete(manager, [session.id]));
  }

  view(live: LiveSession): SessionView {
    return {
      person: personView(live.person),
      csrfToken: live.session.csrfToken,
      service: this.options.service,
      expiresAt: sessionEndsAt(live.session, this.options.settings.session.idleMs).toISOString(),
    };
  }

  private hasEnded(session: PersonSessionEntity, now: Date): boolean {
    return sessionEndsAt(session, this.options.settings.session.idleMs).getTime() <= now.getTime();
  }
}
