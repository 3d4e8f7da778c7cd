import { Inject, Injectable } from '@nestjs/common';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import type { HealthDto } from './health.dto';

@Injectable()
export class HealthService {
  constructor(@Inject(NODE_CONFIG) private readonly config: NodeConfig) {}

  // Serving HTTP at all means the identity, the database and the bus came up during bootstrap.
  status(): HealthDto {
    return { status: 'ok', code: this.config.code };
  }
}
