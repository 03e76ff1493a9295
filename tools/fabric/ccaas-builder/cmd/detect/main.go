// detect CHAINCODE_SOURCE_DIR CHAINCODE_METADATA_DIR: exit 0 only for packages of
// type "ccaas", so the peer hands every other package to its other builders.
package main

import (
	"fmt"
	"os"

	"carechain/fabric-tools/ccaas-builder/internal"
)

func main() {
	if len(os.Args) != 3 {
		internal.Fail("detect", fmt.Errorf("usage: detect CHAINCODE_SOURCE_DIR CHAINCODE_METADATA_DIR"))
	}
	m, err := internal.ReadMetadata(os.Args[2])
	if err != nil {
		internal.Fail("detect", err)
	}
	if m.Type != "ccaas" {
		// Not ours: a plain non-zero exit, no error message, as the builder contract expects.
		os.Exit(1)
	}
}
