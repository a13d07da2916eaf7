package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/clean"
	"github.com/dossier-news/dossier/internal/dedupe"
	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/figure"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/lang"
	"github.com/dossier-news/dossier/internal/sentence"
	"github.com/dossier-news/dossier/internal/series"
	"github.com/dossier-news/dossier/internal/story"
)

// Stage is the throughput of one stage.
type Stage struct {
	Name     string
	Docs     int
	Bytes    int64
	Duration time.Duration   // the median when the stage ran several times
	Runs     []time.Duration // each run's, when it ran several times
}

// PerSecond returns documents and megabytes per second.
func (s Stage) PerSecond() (docs, mb float64) {
	sec := s.Duration.Seconds()
	if sec == 0 {
		return 0, 0
	}
	return float64(s.Docs) / sec, float64(s.Bytes) / 1e6 / sec
}

// Result is a bench run.
type Result struct {
	Articles int
	Bytes    int64
	Stages   []Stage
	Ingest   Stage // files on disk to the store, end to end
	Summary  ingest.Summary
	// Deferred is "ingest --defer" into a new store (clean, language,
	// sentences, storage); Analyse the deferred analysis that follows.
	Deferred, Analyse Stage
	PeakRSSMB         float64 // MiB; -1 where the system gives no measure
	GOMAXPROCS        int
	Relate            []Checkpoint // copies and stories, by quarter of the corpus
	Series            int          // figure series found
}

// SeriesShare is the cost of figure series against the rest of the
// analysis (the other stages, relating without the series).
func (r Result) SeriesShare() float64 {
	var ser, rest time.Duration
	for _, s := range r.Stages {
		switch s.Name {
		case "series":
			ser = s.Duration
		default:
			rest += s.Duration
		}
	}
	rest -= ser // relate includes the series
	if rest <= 0 {
		return 0
	}
	return float64(ser) / float64(rest)
}

// Checkpoint is the cost of relating articles at one point of the corpus.
type Checkpoint struct {
	Articles   int
	PerArticle time.Duration // mean over the articles since the previous checkpoint
	Stories    int
}

// Run generates n articles, times each stage on one core, then ingests the
// files end to end into new stores opened by open (in dir), runs times:
// wall-clock time on a shared machine varies from run to run.
func Run(ctx context.Context, n, runs int, dir string, open func(path string) (dossier.Store, error), progress io.Writer) (Result, error) {
	docs := Corpus(n, 1)
	res := Result{Articles: n, GOMAXPROCS: runtime.GOMAXPROCS(0)}
	for _, d := range docs {
		res.Bytes += int64(len(Text(d)))
	}
	// stages, one goroutine: the per-core figure
	var cleaned []clean.Result
	c := clean.NewCounter()
	res.Stages = append(res.Stages, timeStage("clean", docs, res.Bytes, func() {
		for _, d := range docs {
			c.Add(clean.Keys(d))
		}
		for _, d := range docs {
			k, _ := clean.Keys(d)
			cleaned = append(cleaned, clean.Clean(d, clean.Options{Recurring: c.Others(k)}))
		}
	}))
	var textBytes int64
	for _, c := range cleaned {
		textBytes += int64(len(c.Text))
	}
	res.Stages = append(res.Stages, timeStage("lang", docs, textBytes, func() {
		for _, c := range cleaned {
			lang.Detect(c.Text)
		}
	}))
	sents := make([][]dossier.Span, len(cleaned))
	res.Stages = append(res.Stages, timeStage("sentence", docs, textBytes, func() {
		for i, c := range cleaned {
			sents[i] = sentence.Split(c.Text)
		}
	}))
	res.Stages = append(res.Stages, timeStage("dedupe", docs, textBytes, func() {
		for _, c := range cleaned {
			dedupe.Hash(c.Text)
		}
	}))
	linker, err := entity.Default()
	if err != nil {
		return res, err
	}
	res.Stages = append(res.Stages, timeStage("entity", docs, textBytes, func() {
		for _, c := range cleaned {
			ms, _ := linker.Find(c.Text)
			linker.Citations(c.Text, ms, c.SourceURL)
		}
	}))
	res.Stages = append(res.Stages, timeStage("figure", docs, textBytes, func() {
		for i, c := range cleaned {
			figure.Extract(c.Text, sents[i], figure.Context{Title: c.Title})
		}
	}))
	// copies and stories over the analysed articles, as ingest relates
	// them, with checkpoints to show how the cost grows with the corpus
	arts := make([]*dossier.Article, 0, len(docs))
	for _, d := range docs {
		k, _ := clean.Keys(d)
		if a := ingest.Analyse(d, clean.Options{Recurring: c.Others(k)}); a.Text != "" {
			arts = append(arts, a)
		}
	}
	// in the order ingest reads the files: by name, so by date
	sort.SliceStable(arts, func(i, j int) bool { return filepath.Base(arts[i].Input) < filepath.Base(arts[j].Input) })
	profiles := make([]dedupe.Profile, len(arts))
	res.Stages = append(res.Stages, timeStage("profile", docs, textBytes, func() {
		for i, a := range arts {
			profiles[i] = dedupe.ProfileOf(a)
		}
	}))
	rel := ingest.NewRelater(story.Params{})
	start := time.Now()
	last, lastN := start, 0
	const chunk = 256
	storyOf := make(map[string]string, len(arts))
	for i := 0; i < len(arts); i += chunk {
		j := min(i+chunk, len(arts))
		w, err := rel.Relate(arts[i:j], profiles[i:j], false)
		if err != nil {
			return res, err
		}
		for _, a := range w.Stories {
			storyOf[a.Article] = a.Story
		}
		quarter := max(1, len(arts)/4)
		if j == len(arts) || j/quarter != i/quarter {
			now := time.Now()
			res.Relate = append(res.Relate, Checkpoint{Articles: j, PerArticle: now.Sub(last) / time.Duration(max(1, j-lastN)), Stories: rel.Stories()})
			last, lastN = now, j
		}
	}
	res.Stages = append(res.Stages, Stage{Name: "relate", Docs: len(arts), Bytes: textBytes, Duration: time.Since(start)})
	// figure series alone (relate above includes them), in the same
	// chunks and stories
	ix := series.NewIndex()
	start = time.Now()
	for i := 0; i < len(arts); i += chunk {
		for _, a := range arts[i:min(i+chunk, len(arts))] {
			ix.Add(series.Doc{Article: a, Story: storyOf[a.ID], Date: a.Date})
		}
		ix.Take()
	}
	res.Stages = append(res.Stages, Stage{Name: "series", Docs: len(arts), Bytes: textBytes, Duration: time.Since(start)})
	res.Series = ix.Len()
	// end to end from files
	in := filepath.Join(dir, "corpus")
	if err := writeDocs(in, docs); err != nil {
		return res, err
	}
	for k := 0; k < max(1, runs); k++ {
		// everything, into a new store
		s, err := open(filepath.Join(dir, fmt.Sprintf("bench-%d.db", k)))
		if err != nil {
			return res, err
		}
		st, sum, err := ingestStage(ctx, "ingest", s, ingest.Options{}, in, n, res.Bytes, progress)
		s.Close()
		if err != nil {
			return res, err
		}
		res.Ingest.add(st)
		res.Summary = sum
		// the foundation alone, then the analysis it defers
		s2, err := open(filepath.Join(dir, fmt.Sprintf("deferred-%d.db", k)))
		if err != nil {
			return res, err
		}
		st, _, err = ingestStage(ctx, "ingest --defer", s2, ingest.Options{Defer: true}, in, n, res.Bytes, progress)
		if err != nil {
			s2.Close()
			return res, err
		}
		res.Deferred.add(st)
		start := time.Now()
		sum, err = ingest.New(s2, ingest.Options{}).AnalysePending(ctx, func(ingest.Event) {}, func(d, total int) {
			if progress != nil {
				fmt.Fprintf(progress, "\ranalyse %d/%d", d, total)
			}
		})
		s2.Close()
		if progress != nil {
			fmt.Fprintln(progress)
		}
		if err != nil {
			return res, err
		}
		res.Analyse.add(Stage{Name: "analyse", Docs: sum.Analysed, Bytes: textBytes, Duration: time.Since(start)})
	}
	res.PeakRSSMB = peakRSSMB()
	return res, nil
}

// add records one more run of a stage: Duration is the median of the runs.
func (s *Stage) add(run Stage) {
	runs := append(s.Runs, run.Duration)
	*s = run
	s.Runs = runs
	sorted := slices.Clone(runs)
	slices.Sort(sorted)
	s.Duration = sorted[len(sorted)/2]
}

// ingestStage ingests the folder in into s and times it.
func ingestStage(ctx context.Context, name string, s dossier.Store, opt ingest.Options, in string, n int, bytes int64, progress io.Writer) (Stage, ingest.Summary, error) {
	p := ingest.New(s, opt)
	start := time.Now()
	done := 0
	sum, err := p.Run(ctx, []string{in}, nil, func(e ingest.Event) {}, func(d, total int) {
		if progress != nil && (d%1000 == 0 || d == total) && d != done {
			done = d
			fmt.Fprintf(progress, "\r%s %d/%d", name, d, total)
		}
	})
	if progress != nil {
		fmt.Fprintln(progress)
	}
	return Stage{Name: name, Docs: n, Bytes: bytes, Duration: time.Since(start)}, sum, err
}

// WriteCorpus writes n generated articles as text files into dir.
func WriteCorpus(dir string, n int) (int, error) {
	docs := Corpus(n, 1)
	return len(docs), writeDocs(dir, docs)
}

func writeDocs(dir string, docs []extract.Doc) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(d.Input)), []byte(Text(d)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func timeStage(name string, docs []extract.Doc, bytes int64, f func()) Stage {
	start := time.Now()
	f()
	return Stage{Name: name, Docs: len(docs), Bytes: bytes, Duration: time.Since(start)}
}

// peakRSSMB is the process's peak resident memory in MiB, or -1 where the
// system gives no measure (peak_*.go).
func peakRSSMB() float64 {
	b, ok := peakRSS()
	if !ok {
		return -1
	}
	return float64(b) / (1 << 20)
}

// Write prints the result as a table.
func (r Result) Write(w io.Writer) {
	fmt.Fprintf(w, "corpus: %d generated articles, %.1f MB; GOMAXPROCS %d\n\n", r.Articles, float64(r.Bytes)/1e6, r.GOMAXPROCS)
	fmt.Fprintf(w, "%-16s %12s %10s %10s\n", "stage (one core)", "articles/s", "MB/s", "time")
	for _, s := range r.Stages {
		d, mb := s.PerSecond()
		fmt.Fprintf(w, "%-16s %12.0f %10.2f %10s\n", s.Name, d, mb, s.Duration.Round(time.Millisecond))
	}
	if len(r.Relate) > 0 {
		fmt.Fprintf(w, "\nrelate (copies and stories), cost per article as the corpus grows:\n")
		for _, c := range r.Relate {
			fmt.Fprintf(w, "  after %7d articles: %8s per article, %d stories\n", c.Articles, c.PerArticle.Round(time.Microsecond), c.Stories)
		}
	}
	for _, s := range r.Stages {
		if s.Name == "series" && s.Docs > 0 {
			fmt.Fprintf(w, "\nseries: %d figure series, %s per article, %.1f%% of the rest of the analysis (relate includes it)\n",
				r.Series, (s.Duration / time.Duration(s.Docs)).Round(time.Microsecond), 100*r.SeriesShare())
		}
	}
	fmt.Fprintf(w, "\nend to end, files to a new SQLite store, on all %d cores:\n", r.GOMAXPROCS)
	fmt.Fprintf(w, "%-16s %12s %10s %10s %10s  %s\n", "run", "articles/s", "per core", "MB/s", "time", "stages")
	for _, x := range []struct {
		s      Stage
		stages string
	}{
		{r.Ingest, "everything"},
		{r.Deferred, "clean, language, sentences, storage"},
		{r.Analyse, "entities, figures, copies, stories of what --defer stored"},
	} {
		d, mb := x.s.PerSecond()
		fmt.Fprintf(w, "%-16s %12.0f %10.0f %10.2f %10s  %s\n", x.s.Name, d, d/float64(max(1, r.GOMAXPROCS)), mb, x.s.Duration.Round(time.Millisecond), x.stages)
		if len(x.s.Runs) > 1 {
			lo, hi := slices.Min(x.s.Runs), slices.Max(x.s.Runs)
			fmt.Fprintf(w, "%-16s %12s  over %d runs: %.0f–%.0f articles/s (median above)\n", "", "", len(x.s.Runs),
				float64(x.s.Docs)/hi.Seconds(), float64(x.s.Docs)/lo.Seconds())
		}
	}
	peak := "unavailable on " + runtime.GOOS
	if r.PeakRSSMB >= 0 {
		peak = fmt.Sprintf("%.0f MB", r.PeakRSSMB)
	}
	fmt.Fprintf(w, "\ningest: stored %d, duplicates %d, failed %d; peak memory %s\n", r.Summary.Ingested, r.Summary.Duplicates, r.Summary.Failed, peak)
}
