import { ForbiddenException, HttpStatus, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import { NotFoundProblem, ProblemException, toProblem, ValidationProblem } from './problem';
import { ZodValidationPipe } from './zod-validation.pipe';
import { Readiness } from './readiness';

describe('problem details', () => {
  it('keeps a problem body as it is', () => {
    const p = toProblem(new ProblemException({ type: 'https://x/t', title: 'T', status: 409, detail: 'd' }), '/a');
    expect(p).toEqual({ type: 'https://x/t', title: 'T', status: 409, detail: 'd', instance: '/a' });
  });

  it('gives plain Nest exceptions a stable type per status', () => {
    expect(toProblem(new NotFoundException('nope')).type).toBe('https://carechain.dev/problems/http/not-found');
    expect(toProblem(new ForbiddenException()).status).toBe(403);
  });

  it('hides the detail of unknown errors', () => {
    const p = toProblem(new Error('secret connection string'));
    expect(p.status).toBe(500);
    expect(JSON.stringify(p)).not.toContain('secret');
  });

  it('maps fastify client errors to 4xx problems', () => {
    const p = toProblem(Object.assign(new Error('Unexpected token'), { statusCode: 400 }));
    expect(p).toMatchObject({ status: 400, type: 'https://carechain.dev/problems/http/bad-request' });
  });

  it('names the missing thing', () => {
    expect(toProblem(new NotFoundProblem('patient', 'p1'))).toMatchObject({ status: 404, type: 'https://carechain.dev/problems/patient/not-found' });
  });

  it('lists field errors from zod', () => {
    const pipe = new ZodValidationPipe(z.object({ a: z.string(), b: z.object({ c: z.number() }) }));
    try {
      pipe.transform({ b: { c: 'x' } });
      throw new Error('expected ValidationProblem');
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationProblem);
      const problem = toProblem(err);
      expect(problem.status).toBe(HttpStatus.BAD_REQUEST);
      expect(problem.errors?.map((e) => e.path).sort()).toEqual(['a', 'b.c']);
    }
  });
});

describe('Readiness', () => {
  it('is ready only when every probe passes, and never with no probes', async () => {
    const readiness = new Readiness();
    expect((await readiness.evaluate()).ready).toBe(false);
    readiness.register({ name: 'redis', check: () => true });
    readiness.register({ name: 'kafka', check: async () => false });
    expect(await readiness.evaluate()).toEqual({ ready: false, checks: { redis: true, kafka: false } });
  });

  it('treats a throwing or hanging probe as failing', async () => {
    const readiness = new Readiness();
    readiness.register({
      name: 'boom',
      check: () => {
        throw new Error('x');
      },
    });
    readiness.register({ name: 'hang', check: () => new Promise<boolean>(() => undefined) });
    expect((await readiness.evaluate()).checks).toEqual({ boom: false, hang: false });
  });
});
