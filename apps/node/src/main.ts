import { Logger } from '@nestjs/common';
import { startNode } from './node.app';
import { loadNodeConfig } from './node.config';

startNode(loadNodeConfig()).catch((error: unknown) => {
  new Logger('node').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
