import type { ConsoleRoute } from '../shell/console-route';

export const BORDER_ROUTES: ConsoleRoute[] = [];
