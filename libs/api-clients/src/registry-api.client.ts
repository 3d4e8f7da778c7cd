import createClient, { type Client } from 'openapi-fetch';
import { answerOf } from './http.error';
import type { components, paths } from './openapi/registry.openapi';
import { fetchTrusting } from './trusting.fetch';

export type CreateOperationRequest = components['schemas']['CreateOperationDto'];
export type EnrolmentTokenView = components['schemas']['EnrolmentTokenDto'];

/** The registry's HTTP API as scripts and the CLI use it, typed by its OpenAPI document; a refusal throws HttpError. */
export class RegistryApiClient {
  private readonly api: Client<paths>;

  /** token: the registry's admin token or a role token (REGISTRY_ROLE_TOKENS); ca as for NodeApiClient. */
  constructor(
    readonly baseUrl: string,
    token: string,
    options: { ca?: string; fetch?: typeof fetch } = {},
  ) {
    const call = options.fetch ?? fetchTrusting(options.ca);
    this.api = createClient<paths>({
      baseUrl: baseUrl.replace(/\/$/, ''),
      fetch: (request) => call(request),
      headers: { authorization: `Bearer ${token}` },
    });
  }

  /** A one-time enrolment token for a bureau code (admin). */
  async issueEnrolmentToken(code: string): Promise<EnrolmentTokenView> {
    return answerOf(await this.api.POST('/api/admin/enrolment-tokens', { body: { code } }));
  }

  /** The policy set in force at a rules version: its text byte for byte, its limits and digests (admin, auditor). */
  async rulesVersion(version: number): Promise<unknown> {
    return answerOf(await this.api.GET('/api/rules/versions/{version}', { params: { path: { version } } }));
  }

  /** The rules in force: version, policy text, limits, declarations, operations, groups (admin, auditor). */
  async rulesInForce(): Promise<unknown> {
    return answerOf(await this.api.GET('/api/rules'));
  }

  /** A joint operation (coordinator); the registry answers with what it recorded. */
  async createOperation(request: CreateOperationRequest): Promise<unknown> {
    return answerOf(await this.api.POST('/api/operations', { body: request }));
  }
}
