package exchange

import "liangwei/data"

func init() {
	register(&sheet{
		Name: "信访举报",
		Columns: []column{
			{Header: "编号", Key: true, Width: 12, Text: true},
			{Header: "受理日期", Width: 13},
			{Header: "渠道", Width: 10, List: data.Strings(data.Channels...)},
			{Header: "乡镇", Key: true, Width: 16},
			{Header: "村名", Width: 16},
			{Header: "反映人", Width: 10},
			{Header: "被反映人", Width: 10},
			{Header: "类别", Width: 10, List: data.Strings(data.ComplaintCategories...)},
			{Header: "内容摘要", Width: 36},
			{Header: "承办人", Width: 10},
			{Header: "办结时限", Width: 13},
			{Header: "办理结果", Width: 10, List: data.Strings(data.ComplaintResults...)},
			{Header: "处理情况", Width: 30},
			{Header: "回复日期", Width: 13},
		},
		// 编号 is what tells two complaints of a township apart: duplicates are placed on it.
		Keys:  []string{"乡镇", "编号"},
		parse: parseComplaint,
		rows:  complaintRows,
	})
}

func parseComplaint(r *row) {
	c := data.Complaint{Township: r.text("乡镇"), No: r.text("编号"), Village: r.text("村名")}
	c.Received = r.date("受理日期")
	c.Channel = enum(r, "渠道", data.ParseChannel)
	c.Complainant = r.text("反映人")
	c.Subject = r.text("被反映人")
	c.Category = enum(r, "类别", data.ParseComplaintCategory)
	c.Summary = r.text("内容摘要")
	c.Handler = r.text("承办人")
	c.Deadline = r.date("办结时限")
	c.Result = enum(r, "办理结果", data.ParseComplaintResult)
	c.Handling = r.text("处理情况")
	c.Replied = r.date("回复日期")
	if !r.unique(c.Township, c.No) {
		return
	}
	r.check(c.Validate(r.l.today))
	r.l.batch.Complaints = append(r.l.batch.Complaints, c)
	r.l.complaintRows = append(r.l.complaintRows, r.num)
}

func complaintRows(b data.Batch) [][]any {
	d := data.FormatDate
	out := make([][]any, 0, len(b.Complaints))
	for _, c := range b.Complaints {
		out = append(out, []any{c.No, d(c.Received), string(c.Channel), c.Township, c.Village, c.Complainant,
			c.Subject, string(c.Category), c.Summary, c.Handler, d(c.Deadline), string(c.Result), c.Handling, d(c.Replied)})
	}
	return out
}
