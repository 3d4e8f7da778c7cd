import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DIRECTORY_GET_SUBJECT,
  DIRECTORY_LIST_SUBJECT,
  directoryGetRequestSchema,
  type SignedDirectory,
} from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { parseWireBody } from '../wire-body';
import { DirectorySigner } from './directory.signer';
import { DirectoryService } from './directory.service';

/** Directory look-ups over NATS request/reply, for the gateway and the nodes: every answer signed by XR. */
@Controller()
@UseFilters(WireExceptionFilter)
export class DirectoryHandler {
  constructor(
    private readonly directory: DirectoryService,
    private readonly signer: DirectorySigner,
  ) {}

  /** One entry, signed as a directory of one at that entry's version. */
  @MessagePattern(DIRECTORY_GET_SUBJECT)
  async get(@Payload() body: unknown): Promise<SignedDirectory> {
    const entry = await this.directory.get(parseWireBody(directoryGetRequestSchema, body).code);
    return this.signer.sign([entry], entry.version);
  }

  @MessagePattern(DIRECTORY_LIST_SUBJECT)
  async list(): Promise<SignedDirectory> {
    const { entries, version } = await this.directory.list();
    return this.signer.sign(entries, version);
  }
}
