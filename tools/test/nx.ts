// `npm run build|lint|typecheck`: nx with the bootstrap's Node 24 and settings.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../devnet/lib/paths.ts';

const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'nx'), [...process.argv.slice(2), '--outputStyle=static'], { cwd: repoRoot, stdio: 'inherit' });
process.exitCode = result.status ?? 1;
