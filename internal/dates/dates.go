package dates

import (
	"strconv"
	"strings"
	"time"
)

// Day is the layout of a day.
const Day = "2006-01-02"

// Span returns the days a date as dossier stores it covers: "2024-11-05"
// is one day, "2024-11" a month, "2024" a year.
func Span(s string) (lo, hi time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		t, err := time.Parse(Day, s[:10])
		return t, t, err == nil
	}
	if len(s) == 7 {
		t, err := time.Parse("2006-01", s)
		return t, t.AddDate(0, 1, -1), err == nil
	}
	if len(s) == 4 {
		y, err := strconv.Atoi(s)
		if err != nil {
			return time.Time{}, time.Time{}, false
		}
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return t, t.AddDate(1, 0, -1), true
	}
	return time.Time{}, time.Time{}, false
}

// Mid is the middle day of a date's span, for ordering.
func Mid(s string) (time.Time, bool) {
	lo, hi, ok := Span(s)
	if !ok {
		return time.Time{}, false
	}
	return lo.Add(hi.Sub(lo) / 2).Truncate(24 * time.Hour), true
}

// Estimate is an estimated date: the range it lies in and why.
type Estimate struct {
	Low    string `json:"date_low"`
	High   string `json:"date_high"`
	Reason string `json:"date_reason"`
}

// Date is the day an estimate stands for: the middle of its range.
func (e Estimate) Date() string {
	lo, err1 := time.Parse(Day, e.Low)
	hi, err2 := time.Parse(Day, e.High)
	if err1 != nil || err2 != nil {
		return ""
	}
	return lo.Add(hi.Sub(lo) / 2).Truncate(24 * time.Hour).Format(Day)
}

// Width is the number of days the range spans.
func (e Estimate) Width() int {
	lo, err1 := time.Parse(Day, e.Low)
	hi, err2 := time.Parse(Day, e.High)
	if err1 != nil || err2 != nil {
		return -1
	}
	return int(hi.Sub(lo).Hours()/24) + 1
}

// Holds reports whether the day s (or the start of a coarser date) lies in the range.
func (e Estimate) Holds(s string) bool {
	lo, hi, ok := Span(s)
	if !ok || e.Low == "" {
		return false
	}
	return lo.Format(Day) >= e.Low && hi.Format(Day) <= e.High || lo.Format(Day) <= e.High && hi.Format(Day) >= e.Low && len(s) < 10
}
