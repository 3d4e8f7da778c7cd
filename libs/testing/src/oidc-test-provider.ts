import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/** The person the provider signs in at its next authorization request (it asks nobody: it approves). */
export interface OidcTestUser {
  sub: string;
  preferred_username?: string;
  name?: string;
}

export interface OidcTestProviderOptions {
  clientId: string;
  clientSecret: string;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  user: OidcTestUser;
  expiresAt: number;
}

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const KEY_ID = 'oidc-test-1';
const CODE_TTL_MS = 60_000;
/** Token requests are small forms; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 16_384;

/**
 * A small OpenID Connect provider for tests (node:http + jose): discovery, JWKS, an authorization
 * endpoint that approves the configured user at once (authorization code + PKCE S256 only), and a
 * token endpoint that checks the code, the PKCE verifier and the client secret, then returns an
 * RS256 ID token carrying the request's nonce. `tamperNextIdToken` lets a test forge one claim.
 */
export class OidcTestProvider {
  private user: OidcTestUser | undefined;
  private tamper: Record<string, unknown> | undefined;
  private foreignKey: SigningKey | undefined;
  private readonly codes = new Map<string, IssuedCode>();

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly options: OidcTestProviderOptions,
    private readonly signingKey: SigningKey,
    private readonly publicJwk: JWK,
  ) {}

  static async start(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const publicJwk = { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const provider = new OidcTestProvider(server, `http://127.0.0.1:${port}`, options, privateKey, publicJwk);
    server.on('request', (request, response) => {
      provider.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    });
    return provider;
  }

  /** Who the provider signs in from now on; undefined makes it answer access_denied. */
  signInAs(user: OidcTestUser | undefined): void {
    this.user = user;
  }

  /** Claims to overwrite in the next ID token only (a wrong nonce, another audience…). */
  tamperNextIdToken(claims: Record<string, unknown>): void {
    this.tamper = claims;
  }

  /** Signs the next ID token with a key the JWKS does not hold (same kid): a forgery. */
  async forgeNextSignature(): Promise<void> {
    this.foreignKey = (await generateKeyPair('RS256')).privateKey;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.issuer);
    if (request.method === 'GET' && url.pathname === '/.well-known/openid-configuration')
      return json(response, 200, this.discovery());
    if (request.method === 'GET' && url.pathname === '/jwks') return json(response, 200, { keys: [this.publicJwk] });
    if (request.method === 'GET' && url.pathname === '/authorize') return this.authorize(url, response);
    if (request.method === 'POST' && url.pathname === '/token') return this.token(request, response);
    return json(response, 404, { error: 'not_found' });
  }

  private discovery(): Record<string, unknown> {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/authorize`,
      token_endpoint: `${this.issuer}/token`,
      jwks_uri: `${this.issuer}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: ['openid', 'profile'],
    };
  }

  private authorize(url: URL, response: ServerResponse): void {
    const query = url.searchParams;
    const redirectUri = query.get('redirect_uri');
    if (query.get('client_id') !== this.options.clientId || !redirectUri)
      return json(response, 400, { error: 'invalid_request', error_description: 'unknown client or no redirect_uri' });
    const back = new URL(redirectUri);
    const state = query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    back.searchParams.set('iss', this.issuer);
    const challenge = query.get('code_challenge');
    if (query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256' || !challenge) {
      back.searchParams.set('error', 'invalid_request');
      return redirect(response, back);
    }
    if (!this.user) {
      back.searchParams.set('error', 'access_denied');
      return redirect(response, back);
    }
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      clientId: this.options.clientId,
      redirectUri,
      codeChallenge: challenge,
      nonce: query.get('nonce') ?? undefined,
      user: this.user,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    back.searchParams.set('code', code);
    return redirect(response, back);
  }

  private async token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    const client = clientOf(request, form);
    if (client.id !== this.options.clientId || !sameText(client.secret ?? '', this.options.clientSecret))
      return json(response, 401, { error: 'invalid_client' });
    const code = form.get('code') ?? '';
    const issued = this.codes.get(code);
    this.codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      form.get('grant_type') !== 'authorization_code' ||
      !issued ||
      issued.expiresAt < Date.now() ||
      issued.redirectUri !== form.get('redirect_uri') ||
      challenge !== issued.codeChallenge
    )
      return json(response, 400, { error: 'invalid_grant' });
    const now = Math.floor(Date.now() / 1000);
    // Claims set in one object, so a tampered one overrides the true value rather than the reverse.
    const idToken = await new SignJWT({
      iss: this.issuer,
      sub: issued.user.sub,
      aud: issued.clientId,
      iat: now,
      exp: now + 300,
      nonce: issued.nonce,
      preferred_username: issued.user.preferred_username,
      name: issued.user.name,
      ...this.takeTamper(),
    })
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
      .sign(this.foreignKey ?? this.signingKey);
    this.foreignKey = undefined;
    return json(response, 200, {
      access_token: randomBytes(24).toString('base64url'),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken,
    });
  }

  private takeTamper(): Record<string, unknown> {
    const tamper = this.tamper ?? {};
    this.tamper = undefined;
    return tamper;
  }
}

function clientOf(request: IncomingMessage, form: URLSearchParams): { id?: string; secret?: string } {
  const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
  }
  return { id: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('token request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function redirect(response: ServerResponse, location: URL): void {
  response.writeHead(302, { location: location.toString() }).end();
}
