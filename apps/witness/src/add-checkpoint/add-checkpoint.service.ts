import { Inject, Injectable } from '@nestjs/common';
import {
  LogMisbehaviourError,
  parseAddCheckpointRequest,
  Witness,
  type AddCheckpointOutcome,
} from '@bureaunet/witness';
import { MisbehaviourRepository } from '../misbehaviour/misbehaviour.repository';

export const WITNESS = Symbol('WITNESS');

/** One add-checkpoint: parse, let the witness core decide, keep the evidence of a lying log. */
@Injectable()
export class AddCheckpointService {
  constructor(
    @Inject(WITNESS) private readonly witness: Witness,
    private readonly misbehaviour: MisbehaviourRepository,
  ) {}

  async add(body: string): Promise<AddCheckpointOutcome> {
    const request = parseAddCheckpointRequest(body);
    try {
      return await this.witness.addCheckpoint(request);
    } catch (error) {
      // Stored before the refusal goes out: the log learns nothing that the record does not hold.
      if (error instanceof LogMisbehaviourError) await this.misbehaviour.record(error);
      throw error;
    }
  }

  latest(origin: string): Promise<string | undefined> {
    return this.witness.latest(origin);
  }
}
