import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter replaces every error that is not an RpcException with
 * {status:'error', message:'Internal server error'}, which loses the domain `code`. This filter passes
 * the error through so JetStreamServer can put `code` and `reason` on the wire (and log the real error).
 */
@Catch()
export class WireExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    const error = exception instanceof RpcException ? exception.getError() : exception;
    return throwError(() => error);
  }
}
