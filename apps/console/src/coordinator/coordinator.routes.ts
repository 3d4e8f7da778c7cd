import type { ConsoleRoute } from '../shell/console-route';

export const COORDINATOR_ROUTES: ConsoleRoute[] = [];
