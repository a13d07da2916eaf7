package figure

import (
	"testing"
	"time"
)

func TestWeekdayDate(t *testing.T) {
	sat := time.Date(2024, 11, 23, 0, 0, 0, 0, time.UTC) // a Saturday
	tests := []struct{ expr, want string }{
		{"samedi", "2024-11-23"},
		{"vendredi", "2024-11-22"},
		{"dimanche", "2024-11-17"},
		{"saturday", "2024-11-23"},
		{"on monday", "2024-11-18"},
		{"samedi dernier", "2024-11-16"},
		{"last friday", "2024-11-22"},
		{"next monday", "2024-11-25"},
	}
	for _, tt := range tests {
		if got, _ := weekdayDate(tt.expr, sat); got != tt.want {
			t.Errorf("weekdayDate(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
	if got := Extract("Samedi, 3 000 personnes ont manifesté à Paris.", nil, Context{Date: "2024-11-23"}); len(got) != 1 || got[0].Time != "2024-11-23" {
		t.Errorf("Extract on a Saturday: %+v", got)
	}
}
