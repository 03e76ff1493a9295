import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@carechain/auth';
import { ApiResult, NotFoundProblem } from '@carechain/http';
import { z } from 'zod';
import type { KafkaEventTransport } from './kafka-event.transport';
import { EVENT_TRANSPORT } from './tokens';

const readModelsSchema = z.array(z.object({ name: z.string(), topics: z.array(z.string()), consumerGroup: z.string(), running: z.boolean() }));
const rebuildingSchema = z.object({ name: z.string(), status: z.literal('rebuilding') });

/** Operators' handle on a service's read models: see them, rebuild one by replaying its topics. */
@ApiTags('admin')
@Controller('admin/read-models')
export class ReadModelsController {
  constructor(@Inject(EVENT_TRANSPORT) private readonly transport: KafkaEventTransport) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: "This service's read models and whether their consumers run." })
  @ApiResult(readModelsSchema, { description: 'The read models.' })
  list() {
    return this.transport.projections().map((r) => ({
      name: r.projection.name,
      topics: r.projection.topics,
      consumerGroup: r.projection.consumerGroup,
      running: r.isRunning(),
    }));
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Drops the read model and replays its topics from the beginning; answers when the replay has started.' })
  @ApiResult(rebuildingSchema, { status: 202, description: 'The replay has started.' })
  async rebuild(@Param('name') name: string): Promise<z.output<typeof rebuildingSchema>> {
    const runner = this.transport.projections().find((r) => r.projection.name === name);
    if (!runner) throw new NotFoundProblem('read-model', name);
    await runner.rebuild();
    return { name, status: 'rebuilding' };
  }
}
