// `npm run sbom`: a CycloneDX software bill of materials for every image carechain
// ships, written to dist/sbom/<image>.cdx.json (or --out <dir>).
//   - carechain/<service> (docker/Dockerfile, one per service): the image holds the
//     workspace's production dependencies, so its bill is `npm sbom --omit dev` of the
//     whole workspace, named after the image.
//   - carechain/chaincode (docker/Dockerfile.chaincode): the chaincode and its API lib.
// It lists the npm packages of the image (name, version, purl, licence, integrity
// hash); the Node base image's Debian packages are the base image's own bill (its
// registry's scanner, or `syft` over the pulled image).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../devnet/lib/paths.ts';

export const SERVICE_IMAGES = ['identity', 'consent', 'records', 'claims', 'ledger-writer', 'audit'] as const;

interface Image {
  readonly name: string;
  /** npm sbom's workspace selection: none for the whole workspace. */
  readonly workspaces: readonly string[];
}

const IMAGES: readonly Image[] = [
  ...SERVICE_IMAGES.map((service) => ({ name: `carechain/${service}`, workspaces: [] })),
  { name: 'carechain/chaincode', workspaces: ['chaincode', 'libs/ledger/chaincode-api'] },
];

interface CycloneDx {
  bomFormat: string;
  metadata: { component: Record<string, unknown> };
  components?: unknown[];
}

function sbomOf(image: Image, version: string): CycloneDx {
  const selection = image.workspaces.flatMap((w) => ['--workspace', w]);
  const args = ['sbom', '--sbom-format', 'cyclonedx', '--sbom-type', 'application', '--omit', 'dev', ...selection];
  if (selection.length > 0) args.push('--include-workspace-root');
  const bom = JSON.parse(execFileSync('npm', args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as CycloneDx;
  if (bom.bomFormat !== 'CycloneDX') throw new Error(`npm sbom did not give a CycloneDX document for ${image.name}`);
  // The bill describes the image, not the checkout it was made from.
  bom.metadata.component = { ...bom.metadata.component, type: 'container', name: image.name, version };
  return bom;
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(repoRoot, 'dist', 'sbom') } } });
  const out = values.out!;
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(out, { recursive: true });
  for (const image of IMAGES) {
    const bom = sbomOf(image, version);
    const file = join(out, `${image.name.split('/')[1]}.cdx.json`);
    writeFileSync(file, `${JSON.stringify(bom, null, 2)}\n`);
    process.stdout.write(`${image.name}:${version}  ${bom.components?.length ?? 0} components  ${file}\n`);
  }
}

main();
