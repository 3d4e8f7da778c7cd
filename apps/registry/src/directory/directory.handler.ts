import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DIRECTORY_GET_SUBJECT,
  DIRECTORY_LIST_SUBJECT,
  directoryGetRequestSchema,
  type DirectoryEntry,
} from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { parseWireBody } from '../wire-body';
import { DirectoryService, type DirectoryListing } from './directory.service';

/** Directory look-ups over NATS request/reply, for the gateway and the nodes. */
@Controller()
@UseFilters(WireExceptionFilter)
export class DirectoryHandler {
  constructor(private readonly directory: DirectoryService) {}

  @MessagePattern(DIRECTORY_GET_SUBJECT)
  get(@Payload() body: unknown): Promise<DirectoryEntry> {
    return this.directory.get(parseWireBody(directoryGetRequestSchema, body).code);
  }

  @MessagePattern(DIRECTORY_LIST_SUBJECT)
  list(): Promise<DirectoryListing> {
    return this.directory.list();
  }
}
