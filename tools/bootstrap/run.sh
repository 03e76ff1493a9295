#!/usr/bin/env bash
# Entry point behind the npm scripts: bootstrap, then run a TypeScript tool
# with Node 24 (which strips types natively, so tools need no build step).
#   tools/bootstrap/run.sh <tool.ts> [args...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
tool="$1"; shift
exec node --enable-source-maps --disable-warning=ExperimentalWarning --disable-warning=MODULE_TYPELESS_PACKAGE_JSON --disable-warning=TimeoutNegativeWarning "$CARECHAIN_ROOT/$tool" "$@"
