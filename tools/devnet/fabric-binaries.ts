// Fabric's binaries, built once with Go from the module proxy at a pinned commit
// (the module has no major-version suffix, so it is pinned by pseudo-version in
// tools/fabric/go.mod), plus the project's own chaincode-as-a-service builder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './lib/proc.ts';
import { cacheDir, repoRoot } from './lib/paths.ts';

export const FABRIC_VERSION = '2.5.9';
export const FABRIC_MODULE = 'github.com/hyperledger/fabric';
const FABRIC_COMMIT = '7c3876255bf0';
const TOOLS = ['peer', 'orderer', 'configtxgen', 'cryptogen', 'osnadmin'] as const;
const moduleDir = join(repoRoot, 'tools', 'fabric');

export interface FabricBins {
  readonly binDir: string;
  readonly builderDir: string;
  readonly sampleConfigDir: string;
  bin(tool: (typeof TOOLS)[number]): string;
}

export function goEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Build with the Go on PATH, never download a toolchain.
    GOTOOLCHAIN: 'local',
    // The checksum database does not know Fabric's pseudo-version; go.sum still pins every hash.
    GONOSUMDB: 'github.com/hyperledger',
    GOFLAGS: '-mod=mod -buildvcs=false',
  };
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path.slice(moduleDir.length)).update(readFileSync(path));
    }
  };
  walk(moduleDir);
  return hash.digest('hex').slice(0, 16);
}

export async function ensureFabricBinaries(log: (m: string) => void = () => undefined): Promise<FabricBins> {
  const root = join(cacheDir(), 'fabric', `${FABRIC_VERSION}-${FABRIC_COMMIT}`);
  const binDir = join(root, 'bin');
  const builderDir = join(root, 'builders', 'ccaas');
  const stamp = join(root, 'stamp');
  const want = sourcesHash();
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    const started = Date.now();
    log(`building Fabric ${FABRIC_VERSION} binaries and the ccaas builder with Go (once; a few minutes on 2 cores)`);
    mkdirSync(binDir, { recursive: true });
    mkdirSync(join(builderDir, 'bin'), { recursive: true });
    await run(
      'go',
      [
        'build',
        '-o',
        `${binDir}/`,
        '-ldflags',
        `-X ${FABRIC_MODULE}/common/metadata.Version=${FABRIC_VERSION}`,
        ...TOOLS.map((t) => `${FABRIC_MODULE}/cmd/${t}`),
      ],
      { cwd: moduleDir, env: goEnv() },
    );
    await run('go', ['build', '-o', `${join(builderDir, 'bin')}/`, './ccaas-builder/cmd/detect', './ccaas-builder/cmd/build', './ccaas-builder/cmd/release'], {
      cwd: moduleDir,
      env: goEnv(),
    });
    writeFileSync(stamp, want);
    log(`Fabric binaries built in ${((Date.now() - started) / 1000).toFixed(0)} s into ${binDir}`);
  }
  // Fabric's sample core.yaml/orderer.yaml are read from the module cache as the base
  // that the devnet overrides through CORE_*/ORDERER_* variables.
  const { stdout } = await run('go', ['list', '-m', '-f', '{{.Dir}}', FABRIC_MODULE], { cwd: moduleDir, env: goEnv() });
  const sampleConfigDir = join(stdout.trim(), 'sampleconfig');
  return { binDir, builderDir, sampleConfigDir, bin: (tool) => join(binDir, tool) };
}
