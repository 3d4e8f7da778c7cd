import { EnvReader } from '@bureaunet/platform/stateless';

/** A bureau's own identity provider, when it has one (all OIDC_* unset: sign-in by password only). */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back (OIDC_REDIRECT_URI); <public url>/api/session/oidc/callback when unset. */
  redirectUri?: URL;
  /** The ID token claim that names a person's username here, for the first sign-in that links them. */
  usernameClaim: string;
  /** What the sign-in button calls the provider ("Sign in with <name>"). */
  name: string;
}

/** The settings with the redirect URI settled (the public URL is known once the service listens). */
export interface OidcConfig extends OidcSettings {
  redirectUri: URL;
}

export const OIDC_CALLBACK_PATH = '/api/session/oidc/callback';

const CLAIM_NAME = /^[A-Za-z0-9_.:-]{1,64}$/;
/** https, or plain http on loopback only (a provider on the same machine, as in tests). */
const ISSUER_PATTERN = /^(https:\/\/[^\s/?#]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:[0-9]{1,5})?)(\/[^\s?#]*)?$/;
const HTTP_URL_PATTERN = /^https?:\/\/[^\s/?#]+(\/[^\s#]*)?$/;

/**
 * Reads OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_USERNAME_CLAIM and
 * OIDC_NAME. Undefined when OIDC_ISSUER is unset; with it, a client id and secret are required.
 * The issuer must be https, except on loopback.
 */
export function readOidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const reader = new EnvReader(env);
  if (reader.optionalString('OIDC_ISSUER') === undefined) return undefined;
  const config = reader.done({
    issuer: reader.string('OIDC_ISSUER', { pattern: ISSUER_PATTERN }),
    clientId: reader.string('OIDC_CLIENT_ID'),
    clientSecret: reader.string('OIDC_CLIENT_SECRET'),
    redirectUri: reader.optionalString('OIDC_REDIRECT_URI')
      ? reader.string('OIDC_REDIRECT_URI', { pattern: HTTP_URL_PATTERN })
      : undefined,
    usernameClaim: reader.string('OIDC_USERNAME_CLAIM', { default: 'preferred_username', pattern: CLAIM_NAME }),
    name: reader.optionalString('OIDC_NAME'),
  });
  const issuer = new URL(config.issuer);
  return {
    ...config,
    issuer,
    redirectUri: config.redirectUri === undefined ? undefined : new URL(config.redirectUri),
    name: (config.name ?? issuer.host).slice(0, 80),
  };
}

/** The settings with their redirect URI: as configured, or the callback under the service's public origin. */
export function oidcConfigFor(settings: OidcSettings, publicOrigin: string): OidcConfig {
  return { ...settings, redirectUri: settings.redirectUri ?? new URL(OIDC_CALLBACK_PATH, publicOrigin) };
}

/** Loopback traffic never leaves the machine: the only place plain http is acceptable. */
export function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}
