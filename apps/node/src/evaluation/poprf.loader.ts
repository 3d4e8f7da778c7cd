import { Injectable } from '@nestjs/common';
import { createSodiumPoprf, type Poprf } from '@bureaunet/oprf';

/** libsodium's POPRF, its WASM loaded once per process on first use (a node that never checks never loads it). */
@Injectable()
export class PoprfLoader {
  private poprf: Promise<Poprf> | undefined;

  get(): Promise<Poprf> {
    this.poprf ??= createSodiumPoprf();
    return this.poprf;
  }
}
