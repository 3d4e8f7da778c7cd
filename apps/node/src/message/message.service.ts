import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter, SnapshotReader } from '@bureaunet/persistence';
import { CLOCK, type Caller, type Clock } from '@bureaunet/platform';
import { ConsentRequestRepository } from '../store/consent-request.repository';
import { consentRequestView } from '../handling/consent-request.view';
import type { ConsentRequestDto } from '../handling/consent-request.dto';
import { MessageReadRepository } from '../store/message-read.repository';
import { ReceivedMessageRepository } from '../store/received-message.repository';
import { SentMessageRepository } from '../store/sent-message.repository';
import {
  DEFAULT_PAGE_SIZE,
  type InboxQueryDto,
  type PageQueryDto,
  type ReceivedMessageDto,
  type ReceivedMessagePageDto,
  type SentMessageDto,
  type SentMessagePageDto,
} from './message.dto';
import { receivedMessageView, sentMessageView } from './message.views';

export const JOSE_JSON = 'application/jose+json';

/** The read side: one message in either direction, its envelope, and the two lists. */
@Injectable()
export class MessageService {
  constructor(
    private readonly sent: SentMessageRepository,
    private readonly received: ReceivedMessageRepository,
    private readonly snapshot: SnapshotReader,
    private readonly reads: MessageReadRepository,
    private readonly writer: SerialWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly consents: ConsentRequestRepository,
  ) {}

  /**
   * A person who opens a received message has read it from then on (the inbox stops showing it
   * bold). Either direction shows the consent asked about it.
   */
  async get(id: string, caller?: Caller): Promise<SentMessageDto | ReceivedMessageDto> {
    const consents = await this.consentsAbout(id);
    // One snapshot: a report committed between two reads must not show half-applied.
    const sentView = await this.snapshot.read(async (manager) => {
      const sent = await this.sent.findById(id, manager);
      return sent ? sentMessageView(sent, await this.sent.findRecipients([id], manager), consents) : undefined;
    });
    if (sentView) return sentView;
    const received = await this.received.findById(id);
    if (!received) throw notFound(id);
    if (caller?.kind !== 'person') return receivedMessageView(received, undefined, consents);
    const { personId } = caller.person;
    const at = this.clock.now().toISOString();
    await this.writer.transaction((manager) => this.reads.markRead(manager, id, personId, at));
    return receivedMessageView(received, true, consents);
  }

  private async consentsAbout(id: string): Promise<ConsentRequestDto[]> {
    const now = this.clock.now();
    return (await this.consents.forMessages([id])).map((row) => consentRequestView(row, now));
  }

  /** The signed envelope exactly as published or as received, byte for byte. */
  async envelope(id: string): Promise<StreamableFile> {
    const message = (await this.sent.findById(id)) ?? (await this.received.findById(id));
    if (!message) throw notFound(id);
    return new StreamableFile(message.envelope, { type: JOSE_JSON, length: message.envelope.byteLength });
  }

  async listSent(query: PageQueryDto): Promise<SentMessagePageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const { messages, recipients } = await this.snapshot.read(async (manager) => {
      const page = await this.sent.listNewestFirst({ limit, before: query.before }, manager);
      return {
        messages: page,
        recipients: await this.sent.findRecipients(
          page.map((message) => message.id),
          manager,
        ),
      };
    });
    const items = messages.map((message) =>
      sentMessageView(
        message,
        recipients.filter((recipient) => recipient.messageId === message.id),
      ),
    );
    return { items, next: items.length === limit ? items[items.length - 1].id : null };
  }

  /** A person sees which messages they have opened; a machine client has no unread state. */
  async listInbox(query: InboxQueryDto, caller?: Caller): Promise<ReceivedMessagePageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const person = caller?.kind === 'person' ? caller.person : undefined;
    if (query.unread && !person)
      throw new DomainError('unread-needs-person', 'unread: only a signed-in person has an unread state', 'invalid');
    const before = query.before ? await this.received.findById(query.before) : undefined;
    if (query.before && !before)
      throw new DomainError('unknown-cursor', `before: ${query.before} is not a received message`, 'invalid');
    const { kind, from, since, until, priority, q } = query;
    const messages = await this.received.listNewestFirst({
      limit,
      before: before ?? undefined,
      filter: { kind, from, since, until, priority, text: q, unreadBy: query.unread ? person?.personId : undefined },
    });
    const read = person
      ? await this.reads.readAmong(
          person.personId,
          messages.map((message) => message.id),
        )
      : undefined;
    const items = messages.map((message) => receivedMessageView(message, read?.has(message.id)));
    return { items, next: items.length === limit ? items[items.length - 1].id : null };
  }
}

function notFound(id: string): DomainError {
  return new DomainError('message-not-found', `no message ${id} was sent or received here`, 'not-found');
}
