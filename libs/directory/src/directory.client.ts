import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { X509Certificate, type KeyObject } from 'node:crypto';
import {
  DIRECTORY_CHANGED_SUBJECT,
  DIRECTORY_GET_SUBJECT,
  DIRECTORY_HEARTBEAT_SUBJECT,
  DIRECTORY_LIST_SUBJECT,
  DirectoryEntry,
  DomainError,
  directoryChangedEventSchema,
  directoryHeartbeatSchema,
  type DirectoryContent,
} from '@bureaunet/contracts';
import { CryptoError, certificateKid, verifyBureauCertificate } from '@bureaunet/crypto';
import { BUREAU_IDENTITY, BureauIdentity } from '@bureaunet/identity';
import { CLOCK, Clock } from '@bureaunet/platform';
import { BusClient, WireRequestError } from '@bureaunet/transport';
import { CaTrustFollower } from './ca-trust.follower';
import { directoryExpired, DirectoryValidity } from './directory-validity';
import { readSignedDirectory } from './signed-directory.reader';

export interface DirectoryOptions {
  /** Refuse to trust the cached directory when the registry has been silent this long. */
  stalenessMs: number;
}
export const DIRECTORY_OPTIONS = Symbol('DIRECTORY_OPTIONS');

export interface DirectoryFreshness {
  /** null: never heard yet. */
  heardAt: string | null;
  silentForMs: number | null;
  stalenessMs: number;
  /** When the held signed directory expires (null: none verified yet); past it look-ups refuse. */
  expiresAt: string | null;
}

export interface VerifiedKey {
  code: string;
  kid: string;
  key: KeyObject;
  certificate: X509Certificate;
}

/**
 * The registry's directory as this process sees it: cached, invalidated by the registry's change
 * events (pushed), re-read on demand (pulled), and refused when the registry has gone quiet.
 * Every answer is signed by the registry's XR certificate and has an expiry: an unsigned or
 * tampered one is refused (what was held stays), an expired one is never used.
 * Every certificate handed out has been checked against the CA, its dates and the revocations.
 */
@Injectable()
export class DirectoryClient implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DirectoryClient.name);
  /** Each entry with the expiry (ms) and the directory version of the signed answer it came in. */
  private readonly entries = new Map<string, { entry: DirectoryEntry; expiresAt: number; readAt: number }>();
  private listed = false;
  /** Expiry (ms) of the signed listing `listed` refers to. */
  private listedUntil = 0;
  private readonly validity = new DirectoryValidity();
  private renewing = false;
  private lastHeardAt = 0;
  private knownVersion: number | undefined;
  /** A heartbeat's version older than the known one, seen once: the next beat, if the same, confirms it. */
  private olderBeat: number | undefined;
  /**
   * Bumped by every invalidation: an answer requested before one must not be cached after it (a
   * bureau enrolling while the listing was in flight would stay "not enrolled" until a heartbeat).
   */
  private generation = 0;
  private readonly unsubscribes: Array<() => void> = [];
  /** Checked keys by code, use and directory version: parsing and checking a certificate per message was a top CPU cost. */
  private readonly verified = new Map<string, { key: VerifiedKey; validFrom: number; validTo: number }>();
  private readonly trust: CaTrustFollower;

  constructor(
    private readonly bus: BusClient,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(DIRECTORY_OPTIONS) private readonly options: DirectoryOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.trust = new CaTrustFollower(bus, identity, clock);
  }

  onModuleInit(): void {
    this.unsubscribes.push(
      this.bus.subscribe(DIRECTORY_CHANGED_SUBJECT, (body) => {
        const event = directoryChangedEventSchema.parse(body);
        this.heard();
        // Each change is one version: a gap is a lost event, whose bureau is not known.
        if (this.knownVersion !== undefined && event.version > this.knownVersion + 1)
          this.forgetOlderThan(event.version);
        this.knownVersion = event.version;
        this.generation += 1;
        this.entries.delete(event.code);
        this.listed = false;
      }),
      this.bus.subscribe(DIRECTORY_HEARTBEAT_SUBJECT, (body) => {
        const beat = directoryHeartbeatSchema.parse(body);
        this.heard();
        this.followVersion(beat.version);
        this.renewIfDue();
      }),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribes.forEach((unsubscribe) => unsubscribe());
  }

  async entry(code: string): Promise<DirectoryEntry | undefined> {
    this.assertFresh();
    const cached = this.entries.get(code);
    if (cached && cached.expiresAt >= this.clock.now().getTime()) return cached.entry;
    const generation = this.generation;
    try {
      const content = await this.signedAnswer(DIRECTORY_GET_SUBJECT, { code });
      const entry = content.entries.find((candidate) => candidate.code === code);
      if (!entry) throw new Error(`the registry's answer for ${code} holds no entry for it`);
      if (generation === this.generation)
        this.entries.set(code, { entry, expiresAt: Date.parse(content.expiresAt), readAt: content.version });
      return entry;
    } catch (error) {
      if (error instanceof WireRequestError && error.code === 'unknown-bureau') return undefined;
      throw this.refusal(error);
    }
  }

  async all(): Promise<DirectoryEntry[]> {
    this.assertFresh();
    const now = this.clock.now().getTime();
    if (!this.listed || this.listedUntil < now) {
      const generation = this.generation;
      try {
        const content = await this.signedAnswer(DIRECTORY_LIST_SUBJECT, {});
        // Changed meanwhile: this answer may predate the change, so it is used once, not kept.
        if (generation !== this.generation) return content.entries;
        const expiresAt = Date.parse(content.expiresAt);
        this.entries.clear();
        content.entries.forEach((entry) => this.entries.set(entry.code, { entry, expiresAt, readAt: content.version }));
        this.listed = true;
        this.listedUntil = expiresAt;
      } catch (error) {
        throw this.refusal(error);
      }
    }
    return [...this.entries.values()].map((cached) => cached.entry);
  }

  /** The sender's signing key, verified; refuses with the CryptoError code that names the fault. */
  async signingKey(code: string): Promise<VerifiedKey> {
    return this.verifiedKey(code, 'signing');
  }

  async encryptionKey(code: string): Promise<VerifiedKey> {
    return this.verifiedKey(code, 'encryption');
  }

  /**
   * The sender's signing key named by `kid`: its current one, or one a renewal replaced that is
   * still in its overlap (what was signed just before the renewal is still in flight). Refuses
   * as 'certificate-invalid' any other kid.
   */
  async signingKeyByKid(code: string, kid: string): Promise<VerifiedKey> {
    const current = await this.signingKey(code);
    if (current.kid === kid) return current;
    const previous = await this.previousKey(code, 'signing', kid);
    if (previous) return previous;
    throw new CryptoError(
      'certificate-invalid',
      `kid ${kid} is not ${code}'s current signing certificate, nor one replaced by a renewal and still in its overlap`,
    );
  }

  /** When the registry was last heard (a heartbeat, a change event or an answer), for readiness. */
  freshness(): DirectoryFreshness {
    if (this.lastHeardAt === 0)
      return { heardAt: null, silentForMs: null, stalenessMs: this.options.stalenessMs, expiresAt: null };
    return {
      heardAt: new Date(this.lastHeardAt).toISOString(),
      silentForMs: this.clock.now().getTime() - this.lastHeardAt,
      stalenessMs: this.options.stalenessMs,
      expiresAt: this.validity.expiry(),
    };
  }

  /** Whether the held signed directory is past its expiry (by the injected clock). */
  expired(): boolean {
    return this.validity.expiredAt(this.clock.now());
  }

  /** Throws when the registry has not been heard within the staleness window. */
  assertFresh(): void {
    if (this.lastHeardAt === 0) return; // first contact: the request itself proves freshness
    const silentFor = this.clock.now().getTime() - this.lastHeardAt;
    if (silentFor > this.options.stalenessMs) {
      this.entries.clear();
      this.listed = false;
      throw new DomainError(
        'directory-stale',
        `registry not heard for ${Math.round(silentFor / 1000)} s (limit ${this.options.stalenessMs / 1000} s)`,
        'unavailable',
      );
    }
  }

  private async verifiedKey(code: string, use: 'signing' | 'encryption'): Promise<VerifiedKey> {
    const entry = await this.entry(code);
    const pem = use === 'signing' ? entry?.signingCertificate : entry?.encryptionCertificate;
    if (!entry) throw new CryptoError('unknown-sender', `bureau ${code} is not in the directory`);
    if (!pem && entry.revokedSerials.length > 0)
      throw new CryptoError('certificate-revoked', `every ${use} certificate of ${code} is revoked`);
    if (!pem) throw new CryptoError('unknown-sender', `bureau ${code} has not enrolled`);
    const now = this.clock.now();
    const cacheKey = `${code}|${use}|${entry.version}|${pem.length}`;
    const cached = this.verified.get(cacheKey);
    if (cached && now.getTime() >= cached.validFrom && now.getTime() <= cached.validTo) return cached.key;
    const certificate = verifyBureauCertificate(pem, {
      ca: await this.trust.issuerOf(pem),
      code,
      use,
      now,
      revokedSerials: entry.revokedSerials,
    });
    const key = { code, kid: certificateKid(certificate), key: certificate.publicKey, certificate };
    this.verified.set(cacheKey, {
      key,
      validFrom: Date.parse(certificate.validFrom),
      validTo: Date.parse(certificate.validTo),
    });
    return key;
  }

  private async previousKey(
    code: string,
    use: 'signing' | 'encryption',
    kid: string,
  ): Promise<VerifiedKey | undefined> {
    const entry = await this.entry(code);
    const now = this.clock.now();
    for (const previous of entry?.previousCertificates ?? []) {
      // `until` is checked here, not only by the registry: this copy of the entry may be older than the overlap.
      if (previous.use !== use || Date.parse(previous.until) <= now.getTime()) continue;
      const certificate = verifyBureauCertificate(previous.certificate, {
        ca: await this.trust.issuerOf(previous.certificate),
        code,
        use,
        now,
        revokedSerials: entry!.revokedSerials,
      });
      if (certificateKid(certificate) === kid) return { code, kid, key: certificate.publicKey, certificate };
    }
    return undefined;
  }

  /**
   * The content of a signed answer, verified against the trusted CAs at the injected clock's now.
   * A refused answer changes nothing held; only the registry's word (a verified one) counts as heard.
   */
  private async signedAnswer(subject: string, body: object): Promise<DirectoryContent> {
    const content = await readSignedDirectory(
      { bus: this.bus, subject, body },
      { follower: this.trust, identity: this.identity, now: this.clock.now() },
    );
    this.heard();
    this.validity.record(content);
    return content;
  }

  /** From half of the held directory's life on, a newly signed listing is asked for, so it never lapses while the registry answers. */
  private renewIfDue(): void {
    if (this.renewing || !this.validity.due(this.clock.now())) return;
    this.renewing = true;
    this.listed = false;
    this.all()
      .catch((error: unknown) =>
        this.logger.warn(`cannot renew the directory: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => (this.renewing = false));
  }

  /** What a failed look-up throws: its own DomainError, or 'directory-unavailable' — 'directory-expired' once what is held has lapsed. */
  private refusal(error: unknown): DomainError {
    const expiry = this.validity.expiry();
    if (error instanceof DomainError && error.code !== 'directory-unsigned' && error.code !== 'directory-invalid')
      return error;
    if (expiry !== null && this.validity.expiredAt(this.clock.now()))
      return directoryExpired(
        expiry,
        `no valid newer directory: ${error instanceof Error ? error.message : String(error)}`,
      );
    if (error instanceof DomainError) return error;
    return this.unavailable(error);
  }

  /**
   * A change event is core NATS, at most once: a heartbeat with a newer version repairs a lost one.
   * A beat read just before a change may arrive just after its event: one older beat is ignored,
   * a second in a row at the same older version means the registry went back (a restore), and all
   * is forgotten.
   */
  private followVersion(version: number): void {
    if (version === this.knownVersion) {
      this.olderBeat = undefined;
      return;
    }
    const older = this.knownVersion !== undefined && version < this.knownVersion;
    if (older && this.olderBeat !== version) {
      this.olderBeat = version;
      return;
    }
    this.olderBeat = undefined;
    this.logger.log(`directory version ${this.knownVersion ?? 'unknown'} → ${version} by heartbeat`);
    this.knownVersion = version;
    this.generation += 1;
    this.forgetOlderThan(older ? Number.POSITIVE_INFINITY : version);
  }

  /**
   * What was read at an older directory version may predate the change the heartbeat announces;
   * what was read at this version or later already holds it, and stays (a send during a broker
   * outage needs no registry for a bureau already known).
   */
  private forgetOlderThan(version: number): void {
    for (const [code, cached] of this.entries) {
      if (cached.readAt >= version) continue;
      this.entries.delete(code);
      this.listed = false;
    }
    this.verified.clear();
  }

  private heard(): void {
    this.lastHeardAt = this.clock.now().getTime();
  }

  private unavailable(error: unknown): DomainError {
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(`directory look-up failed: ${reason}`);
    return new DomainError('directory-unavailable', `registry directory unavailable: ${reason}`, 'unavailable');
  }
}
