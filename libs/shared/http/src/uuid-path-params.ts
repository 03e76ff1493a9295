// Which path parameters of which operations the handlers parse as UUIDs (Nest's
// ParseUUIDPipe), read from the same route metadata Nest routes with, so that the
// OpenAPI document says `format: uuid` exactly where the server refuses anything else.
import 'reflect-metadata';
import { ParseUUIDPipe, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';

interface RouteArg {
  readonly data?: unknown;
  readonly pipes?: readonly unknown[];
}

/** `<method> <OpenAPI path>` → the names of its UUID path parameters. */
export type UuidPathParams = ReadonlyMap<string, ReadonlySet<string>>;

export function operationKey(method: string, openApiPath: string): string {
  return `${method.toLowerCase()} ${openApiPath}`;
}

function openApiPath(...parts: unknown[]): string {
  const joined = parts
    .filter((p): p is string => typeof p === 'string' && p !== '' && p !== '/')
    .join('/')
    .replace(/\/+/g, '/')
    .replace(/^\/|\/$/g, '');
  return `/${joined}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** One route of a controller: its operation key, and the arguments its handler reads (with their pipes). */
export interface Route {
  readonly key: string;
  readonly args: readonly { readonly type: RouteParamtypes; readonly name?: string; readonly pipes: readonly unknown[] }[];
}

export function routesOf(controllers: readonly Type<unknown>[]): Route[] {
  const routes: Route[] = [];
  for (const controller of controllers) {
    const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined].flat()[0];
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = name === 'constructor' ? undefined : prototype[name];
      if (typeof handler !== 'function') continue;
      const path = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined].flat()[0];
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArg>;
      routes.push({
        key: operationKey(RequestMethod[method], openApiPath(base, path)),
        args: Object.entries(args).map(([key, arg]) => ({
          type: Number(key.split(':')[0]) as RouteParamtypes,
          ...(typeof arg.data === 'string' && { name: arg.data }),
          pipes: arg.pipes ?? [],
        })),
      });
    }
  }
  return routes;
}

export function uuidPathParams(controllers: readonly Type<unknown>[]): UuidPathParams {
  const found = new Map<string, Set<string>>();
  for (const route of routesOf(controllers)) {
    const names = route.args
      .filter((arg) => arg.type === RouteParamtypes.PARAM && arg.name !== undefined)
      .filter((arg) => arg.pipes.some((pipe) => pipe instanceof ParseUUIDPipe || pipe === ParseUUIDPipe))
      .map((arg) => arg.name!);
    if (names.length > 0) found.set(route.key, new Set(names));
  }
  return found;
}
