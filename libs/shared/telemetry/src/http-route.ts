// Names the matched route (`/patients/:id`, never the id itself) on the request's
// span and on the http.server.request.duration metric. The HTTP instrumentation
// reads it from the RPC metadata it put in the request's context, where framework
// integrations are expected to fill it in; the HTTP layer calls this from the
// router's first hook, so requests refused by a guard carry their route too.
import { context, trace } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import { ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';

export function nameHttpRoute(route: string | undefined): void {
  if (!route) return;
  const metadata = getRPCMetadata(context.active());
  if (metadata?.type !== RPCType.HTTP) return;
  metadata.route = route;
  trace.getActiveSpan()?.setAttribute(ATTR_HTTP_ROUTE, route);
}
