import { Logger } from '@nestjs/common';
import { startNode } from './node.app';
import { loadNodeConfig } from './node.config';

// Configuration read inside the chain, so a missing variable is one line naming it, not a stack trace.
Promise.resolve()
  .then(() => startNode(loadNodeConfig()))
  .catch((error: unknown) => {
    new Logger('node').error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
