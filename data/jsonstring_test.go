package data

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzWriteJSONString: the audit log's strings are written exactly as json.Marshal writes
// them, whether they take the unescaped path or not.
func FuzzWriteJSONString(f *testing.F) {
	for _, s := range []string{"", "城关镇", "2026-03-01", "a\"b", `a\b`, "<b>&", "\u2028\u2029", "\x00\x1f\t\n",
		"\xff\xfe", "€", "\xe2\x80", "\xe2\x80\xa8x", "王某 某", "🙂", "\ufffd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		writeJSONString(&b, s)
		want, _ := json.Marshal(s)
		if b.String() != string(want) {
			t.Errorf("writeJSONString(%q) = %s, json.Marshal %s", s, b.String(), want)
		}
	})
}
