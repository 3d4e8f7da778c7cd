import { z } from 'zod';
import { RegistryApiClient } from '@bureaunet/api-clients';
import { countryGroupSchema, declarationSchema, operationSchema, rateLimitsSchema } from '@bureaunet/contracts';
import { GatewayUnusable } from './audit.errors';
import type { ReplayRules } from './decision.replayer';

const versionAnswer = z.object({ policies: z.string(), limits: rateLimitsSchema }).passthrough();
// Only what a decision reads; the answer carries more (schema, policy set metadata).
const inForceAnswer = z
  .object({
    version: z.number().int(),
    declarations: z.array(declarationSchema),
    operations: z.array(operationSchema),
    groups: z.array(countryGroupSchema),
  })
  .passthrough();

/**
 * The rules a replay needs from the registry: the policy text and limits of the recorded version
 * (GET /api/rules/versions/:version, byte for byte what the decision's digest names) and the
 * declarations, operations and groups, which the registry keeps only as they are now.
 */
export class RegistryRulesSource {
  private readonly client: RegistryApiClient;
  private inForce: Promise<z.infer<typeof inForceAnswer>> | undefined;

  constructor(
    readonly registry: URL,
    token: string,
  ) {
    this.client = new RegistryApiClient(registry.origin, token, { fetch: (request) => fetch(request) });
  }

  async rulesAt(version: number): Promise<ReplayRules> {
    const [set, now] = await Promise.all([
      this.read(`rules version ${version}`, () => this.client.rulesVersion(version), versionAnswer),
      this.rulesInForce(),
    ]);
    return {
      text: set.policies,
      limits: set.limits,
      declarations: now.declarations,
      operations: now.operations,
      groups: now.groups,
    };
  }

  /** The version in force now, to say whether the rules' data may have changed since. */
  async versionInForce(): Promise<number> {
    return (await this.rulesInForce()).version;
  }

  private rulesInForce(): Promise<z.infer<typeof inForceAnswer>> {
    this.inForce ??= this.read('the rules in force', () => this.client.rulesInForce(), inForceAnswer);
    return this.inForce;
  }

  private async read<T>(what: string, call: () => Promise<unknown>, schema: z.ZodType<T>): Promise<T> {
    let body: unknown;
    try {
      body = await call();
    } catch (error) {
      throw new GatewayUnusable(
        `registry ${this.registry.origin}, ${what}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new GatewayUnusable(`registry ${this.registry.origin}, ${what}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }
}
