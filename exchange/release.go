package exchange

import (
	"bytes"
	"os"
	"reflect"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// spillMin is the size from which a flushed sheet held in memory is moved to a temporary
// file; smaller ones stay.
const spillMin = 1 << 20

// releaseStream moves a flushed sheet's rows out of memory and reports whether it did.
//
// excelize's stream writer keeps a sheet's rows in a bytes.Buffer until the workbook is
// written. Past 16 MB it moves them to a temporary file, emptying the buffer but keeping its
// capacity (32 MB by then); below, the whole sheet stays in memory. Either way every sheet
// of an export kept up to 32 MB to the end: 90 MB at 10× the city, 16 MB per sheet just
// below the threshold. excelize gives no way to let go, so this reaches into the writer
// (rawData.tmp, rawData.buf): a buffer whose rows are in the file is replaced by an empty
// one, and a sheet of more than spillMin held in memory is written to a temporary file of
// its own, as excelize does past 16 MB (its Close removes the file). The workbook is byte for
// byte the same. TestReleaseStream fails when an excelize upgrade changes those fields.
func releaseStream(sw *excelize.StreamWriter) (bool, error) {
	raw := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !raw.IsValid() || raw.Kind() != reflect.Struct {
		return false, nil
	}
	tmp, buf := raw.FieldByName("tmp"), raw.FieldByName("buf")
	if !tmp.IsValid() || tmp.Type() != reflect.TypeOf((*os.File)(nil)) || !tmp.CanAddr() ||
		!buf.IsValid() || buf.Type() != reflect.TypeOf(bytes.Buffer{}) || !buf.CanAddr() {
		return false, nil
	}
	file := (**os.File)(unsafe.Pointer(tmp.UnsafeAddr()))
	b := (*bytes.Buffer)(unsafe.Pointer(buf.UnsafeAddr()))
	if *file == nil {
		if b.Len() < spillMin {
			return false, nil
		}
		f, err := os.CreateTemp("", "excelize-")
		if err != nil {
			return false, nil // it stays in memory, as excelize keeps it when it cannot
		}
		if _, err := b.WriteTo(f); err != nil {
			f.Close()
			os.Remove(f.Name())
			return false, err
		}
		*file = f
	}
	if b.Len() != 0 {
		return false, nil
	}
	*b = bytes.Buffer{}
	return true, nil
}
