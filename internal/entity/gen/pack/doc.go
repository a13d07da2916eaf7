// Command pack gzips the entity data files the linker embeds: each
// FILE is written as FILE.gz, compressed at the best level with no name
// or time in the header, so the same input always packs to the same
// bytes. The JSON stays in the repository as the file to read and edit;
// TestPackedData fails when a packed copy is stale.
//
//	go generate ./internal/entity
package main
