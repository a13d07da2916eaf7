package ingest

import "testing"

func TestDateInPath(t *testing.T) {
	tests := map[string]string{
		"https://x.example/2025/03/14/crue-loire":  "2025-03-14",
		"corpus/riverpost-2025-03-15-loire.txt":    "2025-03-15",
		"https://x.example/news/20240229-story":    "2024-02-29",
		"https://x.example/story-12345678901.html": "",
		"000_3dadf36ded547629.txt":                 "",
		"https://x.example/2025/13/40/x":           "",
	}
	for in, want := range tests {
		if got := dateInPath(in); got != want {
			t.Errorf("dateInPath(%q) = %q, want %q", in, got, want)
		}
	}
}
