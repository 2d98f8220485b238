package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode/utf8"
)

// The audit log's one vocabulary: how an entry reads to a clerk, in the window's 操作日志, its
// exported workbook and the CLI's audit command alike. Each used to keep its own copy and they
// drifted apart (乡镇 against 填报单位, 是 against true); everything that shows an entry reads
// it from here.

// auditActions are the Chinese names of the audit actions (AuditEntry.Action).
var auditActions = map[string]string{
	"create": "新增", "update": "修改", "delete": "删除", "restore": "恢复", "import": "导入",
	"lock": "锁定", "unlock": "解锁", "backup": "备份",
	// A township's submission sent back by the county (issue 18).
	"return": "退回",
	// 还原备份 as the 数据 screen's dialog says it: plain 还原 is one character from 恢复 (out of the
	// recycle bin), a different thing.
	"restore-backup": "还原备份",
}

// ActionName is the Chinese name of an audit action, or the action itself when unknown (an
// entry of a newer program's log).
func ActionName(action string) string {
	if n, ok := auditActions[action]; ok {
		return n
	}
	return action
}

// SettingInfo is one setting of the 设置 screen as the audit log names it.
type SettingInfo struct {
	Key  string // the key stored in the database
	Name string // the 设置 screen's label
	// Aliases are other names the log has recorded the setting under.
	Aliases []string
}

// SettingNames are the settings, in the order of the 设置 screen, by that screen's labels.
// The store logs a changed setting under a short name and older logs under the key; both
// show as the label the clerk knows from the screen.
var SettingNames = []SettingInfo{
	{Key: "township", Name: "乡镇（填报单位）", Aliases: []string{"乡镇", "填报单位"}},
	{Key: "county", Name: "县区"},
	{Key: "leader", Name: "负责人"},
	{Key: "reviewer", Name: "审核人"},
	{Key: "preparer", Name: "填表人"},
	{Key: "phone", Name: "联系电话"},
	{Key: "round", Name: "当前届次"},
	{Key: "data_folder", Name: "报表文件夹", Aliases: []string{"数据文件夹"}},
}

// SettingName is the 设置 screen's label of a setting given by its key or by a name the log
// recorded it under; anything else is returned as it is.
func SettingName(s string) string {
	for _, x := range SettingNames {
		if s == x.Key || s == x.Name {
			return x.Name
		}
		for _, a := range x.Aliases {
			if s == a {
				return x.Name
			}
		}
	}
	return s
}

// ActionText is the entry's 操作.
func (e AuditEntry) ActionText() string { return ActionName(e.Action) }

// KindText is the entry's 类别.
func (e AuditEntry) KindText() string { return KindName(e.Kind) }

// RecordText is the entry's 记录: the record key, a setting by the 设置 screen's label.
func (e AuditEntry) RecordText() string {
	if e.Kind == string(SubjectSettings) {
		return SettingName(e.Record)
	}
	return e.Record
}

// TimeText is the entry's 时间 on the clerk's clock (the log stores UTC).
func (e AuditEntry) TimeText() string { return LocalTime(e.At) }

// LocalTime shows a stored time to the second on the clerk's clock; the zero time is "".
func LocalTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(time.Local).Format("2006-01-02 15:04:05")
}

// AuditField is one field of a recorded value. Header is empty for a value that is not a
// JSON object (a setting, a lock's note).
type AuditField struct{ Header, Value string }

// AuditFields reads a recorded value — a JSON object keyed by Chinese headers — keeping the
// order of its keys, each value as a clerk reads it (AuditValue). An empty value has no
// fields; any other value that is not an object is one field without a header, shown as it
// is when it is not JSON at all.
func AuditFields(v string) []AuditField {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	if v[0] != '{' {
		return []AuditField{{Value: AuditValue(json.RawMessage(v))}}
	}
	dec := json.NewDecoder(strings.NewReader(v))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return []AuditField{{Value: v}}
	}
	var fs []AuditField
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return []AuditField{{Value: v}}
		}
		key, _ := t.(string)
		value, err := nextValue(dec)
		if err != nil {
			return []AuditField{{Value: v}}
		}
		fs = append(fs, AuditField{key, value})
	}
	return fs
}

// nextValue reads the value after a key. Scalars — nearly every value the store writes — go
// through Token, a fifth cheaper than decoding a raw value (a city's log is read in
// one go); an array or object is decoded whole and shown as compact JSON.
func nextValue(dec *json.Decoder) (string, error) {
	if !nextIsScalar(dec) {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return "", err
		}
		return AuditValue(raw), nil
	}
	t, err := dec.Token()
	if err != nil {
		return "", err
	}
	switch v := t.(type) {
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case bool:
		if v {
			return "是", nil
		}
		return "否", nil
	case nil:
		return "", nil
	}
	return "", errors.New("unexpected JSON token")
}

// nextIsScalar peeks at the decoder's buffer: whether the next value is neither an array nor
// an object. When the buffer does not reach that far it says no, and the caller decodes.
func nextIsScalar(dec *json.Decoder) bool {
	var b [64]byte
	n, _ := dec.Buffered().Read(b[:])
	for _, c := range b[:n] {
		switch c {
		case ' ', '\t', '\n', '\r', ':':
			continue
		case '{', '[':
			return false
		default:
			return true
		}
	}
	return false
}

// AuditValue shows one JSON value: a string without its quotes, true and false as 是 and 否
// (as the workbooks write them), null as "", a number as written, an array or object as
// compact JSON, and text that is not JSON as it is.
func AuditValue(raw json.RawMessage) string {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return ""
	}
	switch t[0] {
	case '"':
		// Most values are plain strings: skip the decoder when there is nothing to unescape.
		if in := t[1:]; len(in) > 0 && in[len(in)-1] == '"' {
			in = in[:len(in)-1]
			if bytes.IndexByte(in, '\\') < 0 && bytes.IndexByte(in, '"') < 0 && utf8.Valid(in) {
				return string(in)
			}
		}
		var s string
		if json.Unmarshal(t, &s) == nil {
			return s
		}
	case 'n':
		if string(t) == "null" {
			return ""
		}
	case 't':
		if string(t) == "true" {
			return "是"
		}
	case 'f':
		if string(t) == "false" {
			return "否"
		}
	case '{', '[':
		var b bytes.Buffer
		if json.Compact(&b, t) == nil {
			return b.String()
		}
	}
	return string(t)
}

// auditSep joins the fields of a value: 、 and ， turn up inside values (a reason, an address),
// ； does not.
const auditSep = "；"

// auditEmpty marks an empty side of a change.
const auditEmpty = "（空）"

// fieldText is one field as “表头：值”, or the value alone when it has no header.
func fieldText(header, value string) string {
	if header == "" {
		return value
	}
	return header + "：" + value
}

// AuditValueText shows a whole recorded value: “乡镇：测试镇；村名：东村；…”, empty fields
// left out.
func AuditValueText(v string) string {
	var parts []string
	for _, f := range AuditFields(v) {
		if f.Value != "" {
			parts = append(parts, fieldText(f.Header, f.Value))
		}
	}
	return strings.Join(parts, auditSep)
}

// AuditChange is one field an update changed; Old or New is "" when that side was empty.
type AuditChange struct{ Header, Old, New string }

// AuditDiff lists the fields that differ between an old and a new value: in the new value's
// order, then the fields the new value no longer has (unless they were empty).
func AuditDiff(oldV, newV string) []AuditChange {
	old, neu := AuditFields(oldV), AuditFields(newV)
	was := make(map[string]string, len(old))
	for _, f := range old {
		was[f.Header] = f.Value
	}
	var cs []AuditChange
	seen := make(map[string]bool, len(neu))
	for _, f := range neu {
		seen[f.Header] = true
		if o := was[f.Header]; o != f.Value {
			cs = append(cs, AuditChange{f.Header, o, f.Value})
		}
	}
	for _, f := range old {
		if !seen[f.Header] && f.Value != "" {
			cs = append(cs, AuditChange{f.Header, f.Value, ""})
		}
	}
	return cs
}

func orEmpty(v string) string {
	if v == "" {
		return auditEmpty
	}
	return v
}

// DiffText is what an update changed on one line: “状态：进行中 → 已完成；完成日期：（空） → 2026-04-10”.
func (e AuditEntry) DiffText() string {
	var parts []string
	for _, c := range AuditDiff(e.OldValue, e.NewValue) {
		parts = append(parts, fieldText(c.Header, orEmpty(c.Old)+" → "+orEmpty(c.New)))
	}
	return strings.Join(parts, auditSep)
}

// ChangeTexts are the entry's 原值 and 新值 side by side: when both sides hold a value only
// the fields that differ (“（无变化）” when none do), otherwise the whole values.
func (e AuditEntry) ChangeTexts() (old, new string) {
	if strings.TrimSpace(e.OldValue) == "" || strings.TrimSpace(e.NewValue) == "" {
		return AuditValueText(e.OldValue), AuditValueText(e.NewValue)
	}
	cs := AuditDiff(e.OldValue, e.NewValue)
	if len(cs) == 0 {
		return "（无变化）", "（无变化）"
	}
	os, ns := make([]string, len(cs)), make([]string, len(cs))
	for i, c := range cs {
		os[i] = fieldText(c.Header, orEmpty(c.Old))
		ns[i] = fieldText(c.Header, orEmpty(c.New))
	}
	return strings.Join(os, auditSep), strings.Join(ns, auditSep)
}

// Detail is the entry's 内容 on one line: the changed fields of an update; nothing for a
// record created, deleted or restored (its key says which; the values are in the full
// text); the values of a lock, unlock, import or backup (its note, reason, counts or file);
// then the file a change came from.
func (e AuditEntry) Detail() string {
	var d string
	switch e.Action {
	case "update":
		d = e.DiffText()
	case "create", "delete", "restore":
	default:
		d = AuditValueText(e.NewValue)
		if d == "" {
			d = AuditValueText(e.OldValue)
		}
	}
	if e.Source != "" && e.Source != e.Record {
		if d != "" {
			d += auditSep
		}
		d += "来源：" + e.Source
	}
	return d
}

// Text is the whole of an entry over a few lines: when, who, what, and the whole old and new
// values and the source.
func (e AuditEntry) Text() string {
	s := strings.Join([]string{e.TimeText(), e.OSUser, e.ActionText(), e.KindText(), e.RecordText()}, " ")
	if o := AuditValueText(e.OldValue); o != "" {
		s += "\n原值：" + o
	}
	if n := AuditValueText(e.NewValue); n != "" {
		s += "\n新值：" + n
	}
	if e.Source != "" {
		s += "\n来源：" + e.Source
	}
	return s
}
