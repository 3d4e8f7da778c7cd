import { deadLetterController } from '@bureaunet/platform';
import { GatewayDeadLetterService } from './dead-letter.service';

export const GatewayDeadLetterController = deadLetterController(GatewayDeadLetterService, {
  list: 'Submissions and registry events parked after failing repeatedly, newest first',
  release: 'Handles it again now: removed once settled, kept with the new error otherwise',
});
