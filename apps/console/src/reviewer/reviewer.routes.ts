import type { ConsoleRoute } from '../shell/console-route';

export const REVIEWER_ROUTES: ConsoleRoute[] = [];
