package clean

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/extract"
)

func TestWordCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"The storm hit the coast.", 5},
		{"— a dash", 3},
		{"東京都は月曜日、新しい防災計画を発表した。", 10}, // 20 Han and kana characters
		{"iPhoneを販売した", 4},                // a Latin word and 5 characters
		{"北京市政府周一宣布了新的交通计划。", 8},          // 16 Han characters
		{"กรุงเทพมหานครประกาศแผนใหม่", 7}, // 26 Thai characters
		{"서울시는 월요일 새로운 계획을 발표했다.", 5},     // Korean is written with spaces
	}
	for _, tt := range tests {
		if got := wordCount(tt.in); got != tt.want {
			t.Errorf("wordCount(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestUnspacedScriptsKept: paragraphs of scripts written without spaces
// are paragraphs, not stray short lines (each is one or two fields long).
func TestUnspacedScriptsKept(t *testing.T) {
	tests := []struct{ name, text string }{
		{"Japanese", "地震の被害状況\n\n気象庁によると、月曜日の朝に強い地震が発生し、沿岸部では津波注意報が出された。住民の多くは高台に避難した。\n\n市の職員は、けが人の数はまだ分かっていないと述べた。電車は午後まで運転を見合わせた。\n\n専門家は、今後一週間は同じ程度の揺れに注意するよう呼びかけている。"},
		{"Chinese", "暴雨导致多地停课\n\n气象部门表示，周一的暴雨使多条道路被淹，部分学校宣布停课一天。\n\n市政府已派出救援人员，目前没有人员伤亡的报告。\n\n专家提醒市民，未来三天仍可能出现强降雨，请减少不必要的外出。"},
		{"Thai", "ฝนตกหนักในกรุงเทพ\n\nกรมอุตุนิยมวิทยาเตือนว่าฝนจะตกหนักต่อเนื่องอีกสามวัน ประชาชนควรระวังน้ำท่วมขังในพื้นที่ต่ำ\n\nเจ้าหน้าที่ได้เตรียมเครื่องสูบน้ำไว้ในหลายเขตแล้ว และขอให้ประชาชนติดตามข่าวอย่างใกล้ชิด"},
	}
	for _, tt := range tests {
		r := Clean(extract.Text("x.txt", tt.text), Options{})
		paras := strings.Split(tt.text, "\n\n")[1:]
		for _, p := range paras {
			if !strings.Contains(r.Text, p) {
				t.Errorf("%s: paragraph %q dropped; removed %v", tt.name, p, r.Removed)
			}
		}
	}
}
