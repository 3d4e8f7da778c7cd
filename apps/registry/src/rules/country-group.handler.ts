import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { GROUPS_SUBJECT_WILDCARD, type CountryGroupsReply } from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { CountryGroupService } from './country-group.service';

/**
 * The country groups over NATS request/reply, for nodes resolving `group:<id>` before they encrypt.
 * Each node may ask only on its own code's subject (the broker enforces it); every node gets all groups.
 */
@Controller()
@UseFilters(WireExceptionFilter)
export class CountryGroupHandler {
  constructor(private readonly groups: CountryGroupService) {}

  @MessagePattern(GROUPS_SUBJECT_WILDCARD)
  async all(): Promise<CountryGroupsReply> {
    return { groups: await this.groups.list() };
  }
}
