// The chart's service list, generated from the one source of truth, libs/contracts'
// service catalogue: the templates take each workload's port and what its
// environment needs (the keyring, the Fabric peer) from helm/carechain/files/services.json,
// which `npm run chart:services` rewrites and the chart test checks is current.
//   tools/bootstrap/run.sh tools/k8s/chart-services.ts [--check]
import { join } from 'node:path';
import { repoRoot } from '../devnet/lib/paths.ts';
import { SERVICES, variablesOf } from '../../libs/contracts/src/service-catalogue.ts';
import { writeOrCheck } from './generated-file.ts';

export const chartServicesFile = join(repoRoot, 'helm', 'carechain', 'files', 'services.json');

export function renderChartServices(): string {
  const services = Object.fromEntries(
    SERVICES.map((s) => [
      s.name,
      { port: s.defaultPort, portVariable: s.portVariable, needs: s.needs, variables: variablesOf(s.name), description: s.description },
    ]),
  );
  return `${JSON.stringify({ generatedFrom: 'libs/contracts/src/service-catalogue.ts', services }, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) writeOrCheck(chartServicesFile, renderChartServices(), 'chart:services');
