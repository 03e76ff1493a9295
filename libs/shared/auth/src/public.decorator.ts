import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'carechain:auth:public';

/** The route needs no token (health probes, the token-less corners of an API). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
