package internal

import (
	"os"
	"path/filepath"
	"testing"
)

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadMetadata(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "metadata.json", `{"type":"ccaas","label":"carechain_1"}`)
	m, err := ReadMetadata(dir)
	if err != nil || m.Type != "ccaas" || m.Label != "carechain_1" {
		t.Fatalf("got %+v, %v", m, err)
	}
	write(t, dir, "metadata.json", `{not json`)
	if _, err := ReadMetadata(dir); err == nil {
		t.Fatal("expected an error for invalid JSON")
	}
	if _, err := ReadMetadata(t.TempDir()); err == nil {
		t.Fatal("expected an error for a missing metadata.json")
	}
}

func TestValidateConnection(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "connection.json", `{"address":"127.0.0.1:9999","dial_timeout":"10s","tls_required":false}`)
	if err := ValidateConnection(dir); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "connection.json", `{"dial_timeout":"10s"}`)
	if err := ValidateConnection(dir); err == nil {
		t.Fatal("expected an error for a connection without address")
	}
}

func TestCopyDir(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(src, "couchdb", "indexes"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(src, "couchdb", "indexes"), "i.json", `{}`)
	if err := CopyDir(src, filepath.Join(dst, "statedb")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dst, "statedb", "couchdb", "indexes", "i.json")); err != nil {
		t.Fatal(err)
	}
}
