package exchange

import (
	"bytes"
	"reflect"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// releaseStream drops the empty in-memory buffer of a flushed stream writer whose rows went
// to a temporary file, and reports whether it did.
//
// excelize's stream writer keeps a sheet's rows in a bytes.Buffer and moves them to a
// temporary file each time it holds 16 MB, emptying the buffer but keeping its capacity
// (32 MB once it has grown past 16 MB) until the workbook is closed: every large sheet of
// an export kept 32 MB to the end, 90 MB at 10× the city. excelize gives no way to let it go,
// so this reaches into the writer (rawData.tmp, rawData.buf) and replaces the buffer, only
// when the rows are all in the file and the buffer is empty: the workbook is byte for byte
// the same. TestReleaseStream fails when an excelize upgrade changes those fields.
func releaseStream(sw *excelize.StreamWriter) bool {
	raw := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !raw.IsValid() || raw.Kind() != reflect.Struct {
		return false
	}
	tmp, buf := raw.FieldByName("tmp"), raw.FieldByName("buf")
	if !tmp.IsValid() || tmp.Kind() != reflect.Pointer || tmp.IsNil() ||
		!buf.IsValid() || buf.Type() != reflect.TypeOf(bytes.Buffer{}) || !buf.CanAddr() {
		return false
	}
	b := (*bytes.Buffer)(unsafe.Pointer(buf.UnsafeAddr()))
	if b.Len() != 0 {
		return false
	}
	*b = bytes.Buffer{}
	return true
}
