import type { EventEmitter } from 'node:events';
import { INestApplication, Logger, Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import type { CustomStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { DomainErrorFilter } from './domain-error.filter';
import { applyHttpBodyLimits } from './http-body.limits';
import { readHttpsOptions } from './https-options';
import { RequestValidationPipe } from './request-validation.pipe';
import { readLogOptions } from './logging/log.options';
import { serviceLoggerParams } from './logging/service-logger.params';
import { formatReadyLine, READY_EVENT } from './ready-line';
import { armShutdownDeadline } from './shutdown.deadline';

/** How long an idle kept-alive HTTP connection stays open (load balancers commonly idle out at 60 s). */
const HTTP_KEEP_ALIVE_MS = 65_000;

/** The service's module under structured logging (nestjs-pino), so its own module stays as it was. */
@Module({})
class ServiceRootModule {}

export interface ServiceBootstrapOptions {
  /** Printed in the ready line and the OpenAPI title, e.g. "registry" or "node MR". */
  name: string;
  module: DynamicModule | Type<unknown>;
  port: number;
  host?: string;
  /** Makes the JetStream strategy once the app exists (it needs the app's NATS connection). */
  microservice?: (app: INestApplication) => CustomStrategy['strategy'];
  bodyLimit?: string;
}

/**
 * HTTP + NATS hybrid app with JSON logs (LOG_LEVEL, LOG_FORMAT), validation, one error filter,
 * OpenAPI at /api/docs, and a ready line (written straight to stdout, whatever the log level).
 */
export async function bootstrapService(
  options: ServiceBootstrapOptions,
): Promise<{ app: INestApplication; url: string }> {
  const host = options.host ?? process.env.BIND_HOST ?? '127.0.0.1';
  const httpsOptions = readHttpsOptions();
  const root = {
    module: ServiceRootModule,
    imports: [LoggerModule.forRoot(serviceLoggerParams(options.name, readLogOptions())), options.module],
  };
  const app = await NestFactory.create<NestExpressApplication>(root, {
    bodyParser: false,
    // Start-up lines wait for the JSON logger instead of going out in Nest's own format.
    bufferLogs: true,
    ...(httpsOptions ? { httpsOptions } : {}),
  });
  app.useLogger(app.get(PinoNestLogger));
  // Now, not at listen(): the consumers start first, and a node may wait minutes for its own.
  app.flushLogs();
  applyHttpBodyLimits(app, { limit: options.bodyLimit });
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  armShutdownDeadline(options.name);

  // Built at the first request for it, once: scanning every route cost each start half a second of CPU.
  const document = () =>
    cleanupOpenApiDoc(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder().setTitle(`bureaunet ${options.name}`).addBearerAuth().build(),
      ),
    );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (options.microservice) {
    app.connectMicroservice({ strategy: options.microservice(app) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  const server = app.getHttpServer();
  // Longer than any client's or load balancer's idle timeout: the server closing an idle kept-alive
  // socket as a client reuses it makes the client's next request fail with ECONNRESET.
  server.keepAliveTimeout = HTTP_KEEP_ALIVE_MS;
  server.headersTimeout = HTTP_KEEP_ALIVE_MS + 1_000;
  await app.listen(options.port, host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `${httpsOptions ? 'https' : 'http'}://${host}:${address.port}`;
  new Logger('Bootstrap').log(`${options.name} listening on ${url}`);
  process.stdout.write(`${formatReadyLine({ service: options.name, url })}\n`);
  // process: the one object the bundle's loader shares with the bundle (bundle.start.ts).
  (process as EventEmitter).emit(READY_EVENT);
  return { app, url };
}
