import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { DomainError } from '@bureaunet/contracts';
import { isLoopback, type OidcConfig } from './oidc.config';
import { OidcPendingStore } from './oidc-pending.store';

/** Who the provider says signed in: its subject, and the username claim when it sent one. */
export interface OidcIdentity {
  subject: string;
  username?: string;
}

/** Where to send the browser, and the value its short-lived cookie must carry back. */
export interface OidcStart {
  location: string;
  browserToken: string;
}

/** A provider that does not answer in this time is down, as far as a person at a sign-in page is concerned. */
const PROVIDER_TIMEOUT_S = 10;

/**
 * The authorization code flow with PKCE (S256), state and nonce, through openid-client. What is
 * kept between the two legs stays on the server (OidcPendingStore), keyed by state and bound to
 * the browser that started it by a cookie, so a callback URL replayed elsewhere, or forged to sign
 * a victim into another person's account, finds nothing.
 */
export class OidcRelyingParty {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(
    readonly config: OidcConfig,
    private readonly pending: OidcPendingStore = new OidcPendingStore(),
  ) {}

  async begin(now: Date): Promise<OidcStart> {
    const configuration = await this.configuration();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const pkceVerifier = client.randomPKCECodeVerifier();
    const browserToken = randomBytes(32).toString('base64url');
    this.pending.put(state, { nonce, pkceVerifier, browserDigest: digest(browserToken) }, now);
    const location = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri.href,
      scope: 'openid profile',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pkceVerifier),
      code_challenge_method: 'S256',
    });
    return { location: location.href, browserToken };
  }

  /**
   * Checks the provider's answer end to end (state, code, PKCE, ID token signature, issuer,
   * audience, nonce). Only the callback's query is taken from the request: the redirect URI the
   * token request names is the configured one, whatever host header the request came with.
   */
  async complete(query: URLSearchParams, browserToken: string | undefined, now: Date): Promise<OidcIdentity> {
    const state = query.get('state') ?? '';
    const pending = this.pending.take(state, now);
    if (!pending || !browserToken || !sameDigest(digest(browserToken), pending.browserDigest))
      throw new DomainError(
        'oidc-state-invalid',
        'this single sign-on answer does not match a sign-in started in this browser (unknown or expired state): start again',
        'unauthorized',
      );
    const configuration = await this.configuration();
    const callback = new URL(this.config.redirectUri);
    callback.search = query.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callback, {
        expectedState: state,
        expectedNonce: pending.nonce,
        pkceCodeVerifier: pending.pkceVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new DomainError('oidc-sign-in-failed', `single sign-on refused: ${reasonOf(error)}`, 'unauthorized');
    }
    const claims = tokens.claims();
    if (!claims) throw new DomainError('oidc-sign-in-failed', 'single sign-on refused: no ID token', 'unauthorized');
    const username = claims[this.config.usernameClaim];
    return { subject: claims.sub, ...(typeof username === 'string' ? { username } : {}) };
  }

  /** Discovery on first use, so a service starts while its provider is down; a failed attempt is retried next time. */
  private configuration(): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(
        this.config.issuer,
        this.config.clientId,
        undefined,
        client.ClientSecretBasic(this.config.clientSecret),
        {
          timeout: PROVIDER_TIMEOUT_S,
          // openid-client trusts an ID token from the token endpoint on TLS alone unless told
          // otherwise: its signature is checked against the provider's JWKS too (plain http on
          // loopback has no TLS to lean on, and a signed token is evidence of who signed in).
          execute: isLoopback(this.config.issuer)
            ? [client.allowInsecureRequests, client.enableNonRepudiationChecks]
            : [client.enableNonRepudiationChecks],
        },
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw new DomainError(
          'oidc-unavailable',
          `the identity provider ${this.config.issuer.href} cannot be reached: ${reasonOf(error)}`,
          'unavailable',
        );
      });
    return this.discovered;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function sameDigest(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** openid-client's message, plus the provider's error code when it sent one (access_denied…). */
function reasonOf(error: unknown): string {
  if (error instanceof client.AuthorizationResponseError)
    return `${error.error}: ${error.error_description ?? ''}`.trim();
  if (error instanceof client.ResponseBodyError) return `${error.error}: ${error.error_description ?? ''}`.trim();
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 200);
}
