import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  bureauOperationsSchema,
  countryGroupsReplySchema,
  groupsSubject,
  operationsSubject,
  type ScopeReference,
} from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { BusClient } from '@bureaunet/transport';

/**
 * The members of a `group:<id>` or `operation:<id>` in `to`, asked of the registry on this
 * bureau's own subjects at each send (groups change; the gateway decides with the current ones).
 * An operation is known here only if this bureau coordinates it or takes part in it.
 */
@Injectable()
export class RecipientScopeDirectory {
  constructor(
    private readonly bus: BusClient,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
  ) {}

  async members(scope: ScopeReference): Promise<string[]> {
    const members =
      scope.type === 'group'
        ? countryGroupsReplySchema
            .parse(await this.ask(groupsSubject(this.identity.code), 'country groups'))
            .groups.find((group) => group.id === scope.id)?.members
        : bureauOperationsSchema
            .parse(await this.ask(operationsSubject(this.identity.code), 'operations'))
            .operations.find((operation) => operation.id === scope.id)?.participants;
    if (!members)
      throw new DomainError(
        'unknown-recipient',
        `to: ${scope.type}:${scope.id} names no ${scope.type === 'group' ? 'country group' : 'operation of this bureau'} in the registry`,
        'invalid',
      );
    return members;
  }

  private async ask(subject: string, what: string): Promise<unknown> {
    try {
      return await this.bus.request<unknown>(subject, {});
    } catch (error) {
      throw new DomainError(
        'registry-unavailable',
        `${what} could not be read from the registry: ${error instanceof Error ? error.message : String(error)}`,
        'unavailable',
      );
    }
  }
}
