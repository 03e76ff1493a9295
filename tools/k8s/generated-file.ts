// A chart file generated from libs/contracts: its script rewrites it, or with
// --check exits 1 when it is stale (the chart test checks the same).
import { readFileSync, writeFileSync } from 'node:fs';

export function writeOrCheck(file: string, want: string, npmScript: string, argv: readonly string[] = process.argv): void {
  if (argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== want) {
      process.stderr.write(`${file} is stale: run npm run ${npmScript}\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(file, want);
    process.stderr.write(`wrote ${file}\n`);
  }
}
