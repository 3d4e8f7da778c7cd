import type { ConsoleRoute } from '../shell/console-route';

export const ADMIN_ROUTES: ConsoleRoute[] = [];
