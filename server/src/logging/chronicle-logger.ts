import { Logger, Params, PinoLogger } from 'nestjs-pino';

/** Nest's start-up chatter (one line per module and route) buries the lines that matter. */
const NOISY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/**
 * Nest's logger interface over pino: JSON lines, and inside a request the request's id
 * (nestjs-pino finds the request's child logger in AsyncLocalStorage).
 */
export class ChronicleLogger extends Logger {
  constructor(params: Params) {
    super(new PinoLogger(params), params);
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && NOISY_CONTEXTS.has(context)) return super.debug(message, ...optionalParams);
    super.log(message, ...optionalParams);
  }
}
