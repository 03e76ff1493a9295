// npm run contracts:export — writes libs/contracts/published/asyncapi.json from
// the contracts lib (built), for the teams that consume carechain's events.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../devnet/lib/paths.ts';

const require = createRequire(`${repoRoot}/package.json`);
const { asyncApiDocument } = require('@carechain/contracts');
const dir = join(repoRoot, 'libs', 'contracts', 'published');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'asyncapi.json'), `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${join(dir, 'asyncapi.json')}\n`);
