import { JetStreamApiError } from '@nats-io/jetstream';
import { errors } from '@nats-io/transport-node';
import { publishFailureOf } from './publish-failure';

describe('publishFailureOf', () => {
  it("blames the message for a payload over max_payload or the stream's max_msg_size", () => {
    expect(publishFailureOf(errors.InvalidArgumentError.format('payload', 'max_payload size exceeded'))).toBe(
      'message-refused',
    );
    expect(
      publishFailureOf(
        new JetStreamApiError({ code: 400, err_code: 10_054, description: 'message size exceeds maximum allowed' }),
      ),
    ).toBe('message-refused');
  });

  it('blames the bus for timeouts, missing responders, a closed connection, a full or missing stream', () => {
    expect(publishFailureOf(new errors.TimeoutError())).toBe('bus-unavailable');
    expect(publishFailureOf(new errors.NoRespondersError('bn.submit.MR'))).toBe('bus-unavailable');
    expect(publishFailureOf(new errors.ClosedConnectionError())).toBe('bus-unavailable');
    expect(
      publishFailureOf(new JetStreamApiError({ code: 503, err_code: 10_059, description: 'stream not found' })),
    ).toBe('bus-unavailable');
    expect(
      publishFailureOf(
        new JetStreamApiError({ code: 400, err_code: 10_047, description: 'insufficient storage resources available' }),
      ),
    ).toBe('bus-unavailable');
  });
});
