package main

import (
	"fmt"
	"io"

	"liangwei/data"
)

// writePartyWork prints the figures of member development and of the commendations of the
// year.
func writePartyWork(w io.Writer, s data.Stats) {
	d := s.Development
	fmt.Fprintf(w, "发展党员：在册 %d 人（%s）；本年接收预备党员（发展党员数）%d 名，其中女 %d、35岁及以下 %d、大专及以上 %d；转正 %d 名；预备期满未转正 %d 名\n",
		d.Total, nonZero(d.ByStage, data.Strings(data.DevStages...)), d.Developed, d.Women, d.Under35, d.College, d.Confirmed, d.Overdue)
	if d.Mismatched > 0 {
		fmt.Fprintf(w, "  党组织台账填报年度发展党员 %d 名，与发展党员台账不一致的村 %d 个（详见 check）\n", d.PartyReported, d.Mismatched)
	}
	c := s.Commendations
	fmt.Fprintf(w, "创先争优表彰：%d 个（人）；按类别 %s；按表彰单位 %s\n", c.Total,
		nonZero(c.ByCategory, data.Strings(data.CommendCategories...)), nonZero(c.ByLevel, data.Strings(data.CommendLevels...)))
}
