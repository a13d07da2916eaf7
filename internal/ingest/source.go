package ingest

import (
	"context"
	"io"

	"github.com/dossier-news/dossier/internal/extract"
)

// Documents reads args as Run does (paths, folders, globs, URLs, "-")
// and hands each document read, or each input's error, to yield, without
// cleaning or storing them: "dossier ingest --queue" publishes them as
// work for "dossier worker", which stores them with Docs. Inputs left out
// (a folder reached again) are reported as skipped events. It returns the
// count of WARC records that are not articles, by reason.
func (p *Pipeline) Documents(ctx context.Context, args []string, stdin io.Reader, report func(Event), yield func(extract.Doc, error) bool) extract.WARCSkipped {
	srcs, errs, notes := expand(args)
	for _, err := range errs {
		report(Event{Err: err})
	}
	for _, n := range notes {
		report(Event{Input: n.name, Skipped: n.reason})
	}
	skipped := extract.WARCSkipped{}
	for _, src := range srcs {
		ok := true
		p.stream(ctx, src, stdin, skipped, func(d extract.Doc, err error) bool {
			if err == nil {
				d = dropControl(d)
			}
			ok = yield(d, err) && ctx.Err() == nil
			return ok
		})
		if !ok {
			break
		}
	}
	return skipped
}
