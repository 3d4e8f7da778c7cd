import type { ConsoleRoute } from '../shell/console-route';

export const AUDITOR_ROUTES: ConsoleRoute[] = [];
