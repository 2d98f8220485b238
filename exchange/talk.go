package exchange

import "liangwei/data"

func init() {
	register(&sheet{
		Name: "约谈",
		Columns: []column{
			{Header: "编号", Key: true, Width: 12, Text: true},
			{Header: "乡镇", Key: true, Width: 16},
			{Header: "日期", Width: 13},
			{Header: "约谈方式", Width: 11, List: data.Strings(data.TalkModes...)},
			{Header: "约谈人", Width: 10},
			{Header: "被约谈人", Width: 10},
			{Header: "单位", Width: 20},
			{Header: "职务", Width: 12},
			{Header: "类别", Width: 16, List: data.Strings(data.TalkCategories...)},
			{Header: "事由", Width: 30},
			{Header: "处理情况", Width: 30},
		},
		Keys:  []string{"乡镇", "编号"},
		parse: parseTalk,
		rows:  talkRows,
	})
}

func parseTalk(r *row) {
	t := data.Talk{Township: r.text("乡镇"), No: r.text("编号")}
	t.Date = r.date("日期")
	t.Mode = enum(r, "约谈方式", data.ParseTalkMode)
	t.Interviewer = r.text("约谈人")
	t.Interviewee = r.text("被约谈人")
	t.Unit = r.text("单位")
	t.Post = r.text("职务")
	t.Category = enum(r, "类别", data.ParseTalkCategory)
	t.Cause = r.text("事由")
	t.Handling = r.text("处理情况")
	if !r.unique(t.Township, t.No) {
		return
	}
	r.check(t.Validate())
	r.l.batch.Talks = append(r.l.batch.Talks, t)
}

func talkRows(b data.Batch) [][]any {
	out := make([][]any, 0, len(b.Talks))
	for _, t := range b.Talks {
		out = append(out, []any{t.No, t.Township, data.FormatDate(t.Date), string(t.Mode), t.Interviewer,
			t.Interviewee, t.Unit, t.Post, string(t.Category), t.Cause, t.Handling})
	}
	return out
}
