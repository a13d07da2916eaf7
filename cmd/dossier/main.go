// Command dossier reads piles of news articles, cleans them, and keeps the
// record of a story: articles, their figures, and where they come from.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "dossier:", escape(err.Error()))
		}
		os.Exit(1)
	}
}

// errReported means the failures were already printed one per line.
var errReported = errors.New("some inputs failed")

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	root, a := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if a.stopProfile != nil { // also when the command failed: cobra skips its post-run hooks then
		a.stopProfile()
	}
	return err
}
