import { consoleDeps, consoleHandler } from '../../wiring/console-wiring.js';
import { CONSOLE_QUEUE } from './console-queue.js';
import type { ConsoleQueueDeps } from './console-queue-deps.js';

const deps: ConsoleQueueDeps = consoleDeps('console-queue');

export const handler = consoleHandler(CONSOLE_QUEUE, deps);
