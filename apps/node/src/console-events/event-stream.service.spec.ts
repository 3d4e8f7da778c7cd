import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { DomainError } from '@bureaunet/contracts';
import type { Caller, PersonAuthenticator, PersonIdentity } from '@bureaunet/platform';
import type { NodeConfig } from '../node.config';
import { ConsoleEventBus } from './console-event.bus';
import { EventStreamService } from './event-stream.service';

const person: PersonIdentity = {
  personId: 'p-1',
  username: 'b.post',
  displayName: 'Border Post',
  roles: ['border-officer'],
  via: 'session',
};
const caller: Caller = { kind: 'person', role: 'border-officer', person };

/** A response that records what is written and resolves `ended` with the last chunk. */
function fakeResponse() {
  const chunks: string[] = [];
  let resolveEnded: (last: string) => void = () => undefined;
  const ended = new Promise<string>((resolve) => (resolveEnded = resolve));
  const response = {
    writableEnded: false,
    writeHead: jest.fn(),
    write: jest.fn((chunk: string) => chunks.push(chunk)),
    end: jest.fn((chunk: string) => {
      response.writableEnded = true;
      resolveEnded(chunk);
    }),
  };
  return { response, chunks, ended };
}

function setup(authenticate: PersonAuthenticator['authenticate']) {
  const bus = new ConsoleEventBus();
  const config = { events: { maxStreams: 10, maxPerPerson: 1, heartbeatMs: 20 } } as NodeConfig;
  const service = new EventStreamService(bus, config, { authenticate });
  const request = new EventEmitter() as unknown as Request;
  return { bus, service, request };
}

describe('EventStreamService', () => {
  it("streams only the events the person's roles hear, as SSE frames", () => {
    const { bus, service, request } = setup(() => Promise.resolve(person));
    const { response, chunks } = fakeResponse();
    service.serve(request, response as unknown as Response, caller);
    bus.publish({ name: 'message', data: { id: 'm-1', kind: 'diffusion', from: 'FR' } });
    bus.publish({ name: 'hit', data: { id: 'h-1' } });
    expect(response.writeHead).toHaveBeenCalledWith(
      200,
      expect.objectContaining({ 'content-type': expect.stringContaining('text/event-stream') }),
    );
    expect(chunks.slice(1)).toEqual(['event: hit\ndata: {"id":"h-1"}\n\n']);
    (request as unknown as EventEmitter).emit('close');
  });

  it('ends the stream with session-ended when the session no longer authenticates, and frees its slot', async () => {
    const expired = new DomainError('session-expired', 'the session has ended: sign in again', 'unauthorized');
    const { service, request } = setup(() => Promise.reject(expired));
    const { response, ended } = fakeResponse();
    service.serve(request, response as unknown as Response, caller);
    expect(await ended).toBe('event: session-ended\ndata: {"reason":"session-ended"}\n\n');
    const second = fakeResponse();
    expect(() => service.serve(request, second.response as unknown as Response, caller)).not.toThrow();
    service.beforeApplicationShutdown();
    expect(await second.ended).toContain('node-stopping');
  });

  it('refuses a second stream past the per-person bound before writing anything', () => {
    const { service, request } = setup(() => Promise.resolve(person));
    service.serve(request, fakeResponse().response as unknown as Response, caller);
    const { response } = fakeResponse();
    expect(() => service.serve(request, response as unknown as Response, caller)).toThrow(
      expect.objectContaining({ code: 'too-many-streams' }),
    );
    expect(response.writeHead).not.toHaveBeenCalled();
    service.beforeApplicationShutdown();
  });
});
