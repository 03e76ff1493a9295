// release BUILD_OUTPUT_DIR RELEASE_OUTPUT_DIR: tells the peer where the chaincode
// server is, by placing connection.json at chaincode/server/ in the release output.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"carechain/fabric-tools/ccaas-builder/internal"
)

func main() {
	if len(os.Args) != 3 {
		internal.Fail("release", fmt.Errorf("usage: release BUILD_OUTPUT_DIR RELEASE_OUTPUT_DIR"))
	}
	build, release := os.Args[1], os.Args[2]
	if err := internal.ValidateConnection(build); err != nil {
		internal.Fail("release", err)
	}
	if err := internal.CopyFile(filepath.Join(build, "connection.json"), filepath.Join(release, "chaincode", "server", "connection.json")); err != nil {
		internal.Fail("release", err)
	}
	// CouchDB index definitions travel as META-INF/statedb; the peer looks for them at statedb/.
	indexes := filepath.Join(build, "META-INF", "statedb")
	if info, err := os.Stat(indexes); err == nil && info.IsDir() {
		if err := internal.CopyDir(indexes, filepath.Join(release, "statedb")); err != nil {
			internal.Fail("release", err)
		}
	}
}
