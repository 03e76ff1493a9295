// Nest turns an error thrown by a message handler into "Internal server error";
// consumers need the error itself, since its class decides retry or dead letter
// (TransientError, ContractError, ...). This filter hands it on unchanged.
import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

@Catch()
export class EventErrorsToConsumer implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
