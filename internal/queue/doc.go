// Package queue carries ingest work on a NATS JetStream stream: "dossier
// ingest --queue" publishes the documents it reads, "dossier worker"
// processes, stores and only then acknowledges them. A document redelivered
// (its worker died before the acknowledgement) is stored once: its article
// id comes from its input (ingest.InputID) and a stored input is left out.
// A document that fails on every try is parked, with its error, on a
// stream of its own that "dossier worker --failed" lists.
package queue
