// Package internal holds what the three external-builder commands share: reading
// a chaincode package's metadata.json and validating its connection.json.
package internal

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Metadata is the part of a chaincode package's metadata.json the builder reads.
type Metadata struct {
	Type  string `json:"type"`
	Label string `json:"label"`
}

// Connection is the chaincode server's address as the peer must dial it.
type Connection struct {
	Address     string `json:"address"`
	DialTimeout string `json:"dial_timeout"`
	TLSRequired bool   `json:"tls_required"`
}

// ReadMetadata parses <dir>/metadata.json.
func ReadMetadata(dir string) (Metadata, error) {
	var m Metadata
	raw, err := os.ReadFile(filepath.Join(dir, "metadata.json"))
	if err != nil {
		return m, fmt.Errorf("reading metadata.json: %w", err)
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return m, fmt.Errorf("metadata.json is not valid JSON: %w", err)
	}
	return m, nil
}

// ValidateConnection checks that <dir>/connection.json names an address the peer can dial.
func ValidateConnection(dir string) error {
	raw, err := os.ReadFile(filepath.Join(dir, "connection.json"))
	if err != nil {
		return fmt.Errorf("the package has no connection.json: %w", err)
	}
	var c Connection
	if err := json.Unmarshal(raw, &c); err != nil {
		return fmt.Errorf("connection.json is not valid JSON: %w", err)
	}
	if c.Address == "" {
		return fmt.Errorf("connection.json has no address")
	}
	return nil
}

// CopyFile copies src to dst, creating dst's directory.
func CopyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// CopyDir copies a directory tree (used for META-INF, which carries CouchDB indexes).
func CopyDir(src, dst string) error {
	return filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return CopyFile(path, target)
	})
}

// Fail prints a builder error the peer shows in its log, and exits non-zero.
func Fail(command string, err error) {
	fmt.Fprintf(os.Stderr, "carechain ccaas %s: %v\n", command, err)
	os.Exit(1)
}
