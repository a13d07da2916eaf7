package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestDumpX(t *testing.T) {
	l, _ := Default()
	files, _ := filepath.Glob(os.Getenv("DUMP_GLOB"))
	counts := map[string]int{}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		ms, _ := l.Find(string(b))
		for _, m := range ms {
			if m.Form == "demonym" || m.Form == "surname" {
				continue
			}
			counts[fmt.Sprintf("%-12s %-40s %s", m.Type, m.Entity, m.Text)]++
		}
	}
	var ks []string
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Printf("%4d %s\n", counts[k], k)
	}
}
