package main

import (
	"fmt"
	"log"
	"net"

	"github.com/dossier-news/dossier/internal/server"
	"github.com/spf13/cobra"
)

func (a *app) serveCmd() *cobra.Command {
	var addr, token string
	c := &cobra.Command{
		Use:   "serve",
		Short: "Web UI and JSON API over the store (Ctrl-C stops it)",
		Long: `Serve the web UI (stories, story, series, article, entity, search pages) and the JSON API
under /api/v1/ (OpenAPI at /api/v1/openapi.json) over the store.

It listens on 127.0.0.1:8080 by default. An address other machines can reach needs
--token, and then every request needs the token (Authorization: Bearer TOKEN, or
?token=TOKEN once in a browser). Without --token the server is read-only; with it,
POST /api/v1/articles ingests the text, HTML, feed or JSON Lines in its body.
$DOSSIER_TOKEN is read when --token is not given.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if token == "" {
				token = getenv("DOSSIER_TOKEN")
			}
			if err := server.CheckAddr(addr, token); err != nil {
				return err
			}
			s, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			host, _, _ := net.SplitHostPort(addr)
			private := server.CheckAddr(net.JoinHostPort(host, "0"), "") != nil
			srv, err := server.New(s, server.Options{Token: token, Private: private, Log: log.New(a.stderr, "serve: ", log.LstdFlags)})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			mode := "read-only"
			if token != "" {
				mode = "ingest with the token"
			}
			fmt.Fprintf(a.stderr, "serving %s on http://%s/ (%s); Ctrl-C stops\n", a.db, ln.Addr(), mode)
			if err := server.Serve(cmd.Context(), ln, srv); err != nil {
				return err
			}
			fmt.Fprintln(a.stderr, "stopped")
			return nil
		},
	}
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port)")
	c.Flags().StringVar(&token, "token", "", "token that allows ingesting (and, off loopback, any request)")
	return c
}
