#!/usr/bin/env bash
# Nx build target: transpile one project's src/ to dist/ with the workspace's SWC
# settings (decorator metadata for Nest DI). Types are checked by the typecheck target.
set -euo pipefail
: "${1:?usage: swc-project.sh <projectRoot>}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root/$1"
rm -rf dist
exec "$root/node_modules/.bin/swc" src -d dist --strip-leading-paths --config-file "$root/.swcrc" --quiet \
  --ignore '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts,**/testing/**'
