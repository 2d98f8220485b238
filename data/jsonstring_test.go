package data

import (
	"encoding/json"
	"testing"
)

// FuzzAppendJSONString: the audit log's strings are written exactly as json.Marshal writes
// them, whether they take the unescaped path or not.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "城关镇", "2026-03-01", "a\"b", `a\b`, "<b>&", "\u2028\u2029", "\x00\x1f\t\n",
		"\xff\xfe", "€", "\xe2\x80", "\xe2\x80\xa8x", "王某 某", "🙂", "\ufffd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := appendJSONString([]byte("x"), s)
		want, _ := json.Marshal(s)
		if string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, json.Marshal %s", s, got[1:], want)
		}
	})
}
