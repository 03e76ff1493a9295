// build CHAINCODE_SOURCE_DIR CHAINCODE_METADATA_DIR BUILD_OUTPUT_DIR: a chaincode
// as a service has nothing to compile; the build validates connection.json and
// carries it (and META-INF, if present) to the build output.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"carechain/fabric-tools/ccaas-builder/internal"
)

func main() {
	if len(os.Args) != 4 {
		internal.Fail("build", fmt.Errorf("usage: build CHAINCODE_SOURCE_DIR CHAINCODE_METADATA_DIR BUILD_OUTPUT_DIR"))
	}
	src, out := os.Args[1], os.Args[3]
	if err := internal.ValidateConnection(src); err != nil {
		internal.Fail("build", err)
	}
	if err := internal.CopyFile(filepath.Join(src, "connection.json"), filepath.Join(out, "connection.json")); err != nil {
		internal.Fail("build", err)
	}
	metaInf := filepath.Join(src, "META-INF")
	if info, err := os.Stat(metaInf); err == nil && info.IsDir() {
		if err := internal.CopyDir(metaInf, filepath.Join(out, "META-INF")); err != nil {
			internal.Fail("build", err)
		}
	}
}
