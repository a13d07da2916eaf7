package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
)

// ScaleConfig is a scale run: N generated articles ingested in steps of
// Step into one store, each step (and each one-file ingest after it) by a
// new process, as a user runs them: its wall time includes start-up and
// its peak memory is its own.
type ScaleConfig struct {
	N, Step int
	Dir     string // the store and each step's files (removed after the step)
	// Exe is the dossier binary the steps run (the bench's own, in practice).
	Exe string
	// ProfileDir, when set, gets a CPU profile of each step's ingest
	// (step-N.prof) and of each one-file ingest (one-N.prof).
	ProfileDir string
	Progress   io.Writer
}

// ScaleStep is what one step measured.
type ScaleStep struct {
	Before, Articles int // articles in the store before; ingested in the step
	Time             time.Duration
	PeakRSS          uint64        // bytes, 0 where unknown
	StoreBytes       int64         // after the step (database and its WAL)
	CPU              time.Duration // user and system time of the step's process
	OneFile          time.Duration
	OneFileRSS       uint64
	TextBytes        int64 // of the step's files
}

// Scale runs the steps and returns what each measured.
func Scale(ctx context.Context, cfg ScaleConfig) ([]ScaleStep, error) {
	if cfg.Step <= 0 || cfg.N <= 0 {
		return nil, fmt.Errorf("scale: --scale and --step must be positive")
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, err
	}
	db := filepath.Join(cfg.Dir, "scale.db")
	// documents come from one stream, a step's worth at a time; the
	// one-file ingests are documents of another seed
	docs := make(chan extract.Doc, 256)
	go func() {
		defer close(docs)
		CorpusStream(cfg.N, 1, func(d extract.Doc) {
			select {
			case docs <- d:
			case <-ctx.Done():
			}
		})
	}()
	extra := Corpus(cfg.N/cfg.Step+1, 7)
	var out []ScaleStep
	stored := 0
	for k := 0; stored < cfg.N; k++ {
		stepDir := filepath.Join(cfg.Dir, fmt.Sprintf("step-%d", k))
		if err := os.MkdirAll(stepDir, 0o755); err != nil {
			return out, err
		}
		n, size := 0, int64(0)
		for n < cfg.Step {
			d, ok := <-docs
			if !ok {
				break
			}
			text := Text(d)
			if err := os.WriteFile(filepath.Join(stepDir, filepath.Base(d.Input)), []byte(text), 0o644); err != nil {
				return out, err
			}
			n++
			size += int64(len(text))
		}
		if n == 0 {
			break
		}
		st := ScaleStep{Before: stored, Articles: n, TextBytes: size}
		var err error
		if st.Time, st.PeakRSS, st.CPU, err = runDossier(ctx, cfg, db, fmt.Sprintf("step-%d", k), stepDir); err != nil {
			return out, err
		}
		os.RemoveAll(stepDir)
		stored += n
		st.StoreBytes = fileSize(db) + fileSize(db+"-wal")
		one := filepath.Join(cfg.Dir, fmt.Sprintf("one-%d.txt", k))
		if err := os.WriteFile(one, []byte(Text(extra[k%len(extra)])), 0o644); err != nil {
			return out, err
		}
		if st.OneFile, st.OneFileRSS, _, err = runDossier(ctx, cfg, db, fmt.Sprintf("one-%d", k), one); err != nil {
			return out, err
		}
		os.Remove(one)
		out = append(out, st)
		if cfg.Progress != nil {
			fmt.Fprintf(cfg.Progress, "step %d: %d articles in the store; step %s wall, %s CPU, peak %d MiB; one new file %s, peak %d MiB; store %.1f MB\n", k, stored,
				st.Time.Round(time.Second), st.CPU.Round(time.Second), st.PeakRSS>>20, st.OneFile.Round(10*time.Millisecond), st.OneFileRSS>>20, float64(st.StoreBytes)/1e6)
		}
	}
	return out, nil
}

// runDossier runs "dossier --db db ingest -q in" and returns its wall
// time, peak memory and CPU time.
func runDossier(ctx context.Context, cfg ScaleConfig, db, name, in string) (time.Duration, uint64, time.Duration, error) {
	args := []string{"--db", db}
	if cfg.ProfileDir != "" {
		args = append(args, "--cpuprofile", filepath.Join(cfg.ProfileDir, name+".prof"))
	}
	args = append(args, "ingest", "-q", in)
	// os.StartProcess rather than os/exec, which would weigh on the binary
	errFile, err := os.CreateTemp(cfg.Dir, "stderr-")
	if err != nil {
		return 0, 0, 0, err
	}
	defer os.Remove(errFile.Name())
	defer errFile.Close()
	start := time.Now()
	proc, err := os.StartProcess(cfg.Exe, append([]string{cfg.Exe}, args...), &os.ProcAttr{Files: []*os.File{nil, nil, errFile}})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("scale %s: %w", name, err)
	}
	stop := context.AfterFunc(ctx, func() { proc.Kill() })
	defer stop()
	ps, err := proc.Wait()
	wall := time.Since(start)
	if err == nil && !ps.Success() {
		msg, _ := os.ReadFile(errFile.Name())
		err = fmt.Errorf("%s: %s", ps, bytes.TrimSpace(msg))
	}
	if err != nil {
		return wall, 0, 0, fmt.Errorf("scale %s: %w", name, err)
	}
	rss, _ := childPeakRSS(ps)
	return wall, rss, ps.UserTime() + ps.SystemTime(), nil
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// WriteScale prints the steps as the table of issue 16.
func WriteScale(w io.Writer, steps []ScaleStep) {
	mib := func(b uint64) string {
		if b == 0 {
			return "?"
		}
		return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
	}
	fmt.Fprintf(w, "| store before the step | step | step time | articles/s | CPU per article | peak RSS | store after | per article | one new file afterwards (wall, peak RSS) |\n")
	fmt.Fprintf(w, "|---|---|---|---|---|---|---|---|---|\n")
	for _, s := range steps {
		after := s.Before + s.Articles
		fmt.Fprintf(w, "| %d | %d | %s | %.0f | %.2f ms | %s | %.2f GB | %.1f KB | %s, %s |\n", s.Before, s.Articles, s.Time.Round(100*time.Millisecond),
			float64(s.Articles)/s.Time.Seconds(), s.CPU.Seconds()*1000/float64(max(1, s.Articles)), mib(s.PeakRSS), float64(s.StoreBytes)/1e9, float64(s.StoreBytes)/float64(max(1, after))/1e3,
			s.OneFile.Round(10*time.Millisecond), mib(s.OneFileRSS))
	}
	if len(steps) > 0 {
		var total time.Duration
		var text int64
		for _, s := range steps {
			total += s.Time
			text += s.TextBytes
		}
		bytesPerArticle := float64(text) / float64(max(1, steps[len(steps)-1].Before+steps[len(steps)-1].Articles))
		first := steps[0].Time.Seconds() / float64(steps[0].Articles)
		firstCPU := steps[0].CPU.Seconds() / float64(steps[0].Articles)
		worst, worstCPU := 0.0, 0.0
		for _, s := range steps {
			worst = max(worst, s.Time.Seconds()/float64(s.Articles)/first)
			worstCPU = max(worstCPU, s.CPU.Seconds()/float64(s.Articles)/firstCPU)
		}
		fmt.Fprintf(w, "\ntotal %s for %d articles (%.1f KB of text each); slowest step %.2f× the first per article in wall time, %.2f× in CPU time\n",
			total.Round(time.Second), steps[len(steps)-1].Before+steps[len(steps)-1].Articles, bytesPerArticle/1e3, worst, worstCPU)
	}
}
