import { deadLetterController } from '@bureaunet/platform';
import { DeadLetterService } from './dead-letter.service';

export const DeadLetterController = deadLetterController(DeadLetterService, {
  list: 'Deliveries parked after failing repeatedly, newest first (waiting ones unless dropped=true)',
  release: 'Runs it through the inbox now: removed once settled (stored or refused), kept with the new error otherwise',
});
