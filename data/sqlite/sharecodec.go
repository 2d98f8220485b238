package sqlite

import (
	"bytes"
	"encoding"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
)

// The figure cache and the township shares (cache.go, parts.go) keep Go values in the
// ledger, and a cold stats at 10× the city keeps 620 shares: as JSON they were 2.6 KB each
// (1.6 MB written, then checkpointed, on every such run) and their encoding, decoding and
// comparison took a twentieth of the command's CPU. keptBytes is a compact binary form, a
// walk of the value's type:
//
//   - bool: one byte; signed integers: a varint; unsigned: a uvarint; floats: their IEEE
//     bits, little-endian (NaN too: exactKept refuses it, as no NaN equals itself);
//   - string: its length (uvarint) and bytes;
//   - slice and map: 0 when nil, else 1 + their length, then the elements (a map's pairs
//     in the order of their keys' bytes, so one value always gives the same bytes);
//   - array and struct: the elements, the fields in order (an unexported field cannot be
//     set back: such a type is refused); pointer: 0 when nil, else 1 and what it points to;
//   - a type with MarshalBinary and UnmarshalBinary (time.Time): its length and bytes.
//
// The bytes name no type: they are read back into the type they were written from, which
// the kept value's key and program (a program's types are its own) guarantee.

var (
	binaryMarshaler   = reflect.TypeFor[encoding.BinaryMarshaler]()
	binaryUnmarshaler = reflect.TypeFor[encoding.BinaryUnmarshaler]()
	errKeptBytes      = errors.New("kept value malformed")
)

// keptBinary reports whether values of t are kept as their MarshalBinary bytes: t has
// MarshalBinary and *t UnmarshalBinary (time.Time).
func keptBinary(t reflect.Type) bool {
	return t.Kind() != reflect.Pointer && t.Implements(binaryMarshaler) && reflect.PointerTo(t).Implements(binaryUnmarshaler)
}

// exactKept is v's kept bytes, when reading them back gives v exactly (reflect.DeepEqual).
func exactKept[T any](v T) ([]byte, bool) {
	b, err := appendKept(nil, reflect.ValueOf(&v).Elem())
	if err != nil {
		return nil, false
	}
	var back T
	if readKept(b, &back) != nil || !reflect.DeepEqual(v, back) {
		return nil, false
	}
	return b, true
}

// readKept reads into *v the bytes exactKept gave for a value of v's type.
func readKept[T any](b []byte, v *T) error {
	rest, err := readKeptValue(b, reflect.ValueOf(v).Elem())
	if err == nil && len(rest) != 0 {
		err = errKeptBytes
	}
	return err
}

// appendKept appends v's kept bytes to b.
func appendKept(b []byte, v reflect.Value) ([]byte, error) {
	t := v.Type()
	if keptBinary(t) {
		m, err := v.Interface().(encoding.BinaryMarshaler).MarshalBinary()
		if err != nil {
			return nil, err
		}
		return append(binary.AppendUvarint(b, uint64(len(m))), m...), nil
	}
	switch t.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1), nil
		}
		return append(b, 0), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(b, v.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return binary.AppendUvarint(b, v.Uint()), nil
	case reflect.Float32:
		return binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(v.Float()))), nil
	case reflect.Float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float())), nil
	case reflect.String:
		s := v.String()
		return append(binary.AppendUvarint(b, uint64(len(s))), s...), nil
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, 0), nil
		}
		return appendKept(append(b, 1), v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0), nil
		}
		return appendElems(binary.AppendUvarint(b, uint64(v.Len())+1), v)
	case reflect.Array:
		return appendElems(b, v)
	case reflect.Map:
		if v.IsNil() {
			return append(b, 0), nil
		}
		type pair struct{ k, v []byte }
		pairs := make([]pair, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			k, err := appendKept(nil, it.Key())
			if err != nil {
				return nil, err
			}
			e, err := appendKept(nil, it.Value())
			if err != nil {
				return nil, err
			}
			pairs = append(pairs, pair{k, e})
		}
		slices.SortFunc(pairs, func(a, b pair) int { return bytes.Compare(a.k, b.k) })
		b = binary.AppendUvarint(b, uint64(len(pairs))+1)
		for _, p := range pairs {
			b = append(append(b, p.k...), p.v...)
		}
		return b, nil
	case reflect.Struct:
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				return nil, fmt.Errorf("%s: unexported field %s", t, t.Field(i).Name)
			}
			var err error
			if b, err = appendKept(b, v.Field(i)); err != nil {
				return nil, err
			}
		}
		return b, nil
	}
	return nil, fmt.Errorf("%s cannot be kept", t)
}

func appendElems(b []byte, v reflect.Value) ([]byte, error) {
	for i := range v.Len() {
		var err error
		if b, err = appendKept(b, v.Index(i)); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// readKeptValue reads into v (settable) the kept bytes at the start of b and returns the
// rest.
func readKeptValue(b []byte, v reflect.Value) ([]byte, error) {
	t := v.Type()
	if keptBinary(t) {
		m, rest, err := readLength(b)
		if err != nil {
			return nil, err
		}
		return rest, v.Addr().Interface().(encoding.BinaryUnmarshaler).UnmarshalBinary(m)
	}
	switch t.Kind() {
	case reflect.Bool:
		if len(b) == 0 || b[0] > 1 {
			return nil, errKeptBytes
		}
		v.SetBool(b[0] == 1)
		return b[1:], nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, n := binary.Varint(b)
		if n <= 0 || v.OverflowInt(x) {
			return nil, errKeptBytes
		}
		v.SetInt(x)
		return b[n:], nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x, n := binary.Uvarint(b)
		if n <= 0 || v.OverflowUint(x) {
			return nil, errKeptBytes
		}
		v.SetUint(x)
		return b[n:], nil
	case reflect.Float32:
		if len(b) < 4 {
			return nil, errKeptBytes
		}
		v.SetFloat(float64(math.Float32frombits(binary.LittleEndian.Uint32(b))))
		return b[4:], nil
	case reflect.Float64:
		if len(b) < 8 {
			return nil, errKeptBytes
		}
		v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(b)))
		return b[8:], nil
	case reflect.String:
		s, rest, err := readLength(b)
		if err != nil {
			return nil, err
		}
		v.SetString(string(s))
		return rest, nil
	case reflect.Pointer:
		if len(b) == 0 || b[0] > 1 {
			return nil, errKeptBytes
		}
		if b[0] == 0 {
			v.SetZero()
			return b[1:], nil
		}
		p := reflect.New(t.Elem())
		rest, err := readKeptValue(b[1:], p.Elem())
		v.Set(p)
		return rest, err
	case reflect.Slice:
		n, rest, err := readCount(b)
		if err != nil || n < 0 {
			v.SetZero()
			return rest, err
		}
		s := reflect.MakeSlice(t, n, n)
		for i := range n {
			if rest, err = readKeptValue(rest, s.Index(i)); err != nil {
				return nil, err
			}
		}
		v.Set(s)
		return rest, nil
	case reflect.Array:
		var err error
		for i := range v.Len() {
			if b, err = readKeptValue(b, v.Index(i)); err != nil {
				return nil, err
			}
		}
		return b, nil
	case reflect.Map:
		n, rest, err := readCount(b)
		if err != nil || n < 0 {
			v.SetZero()
			return rest, err
		}
		m := reflect.MakeMapWithSize(t, n)
		k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		for range n {
			k.SetZero()
			e.SetZero()
			if rest, err = readKeptValue(rest, k); err != nil {
				return nil, err
			}
			if rest, err = readKeptValue(rest, e); err != nil {
				return nil, err
			}
			m.SetMapIndex(k, e)
		}
		v.Set(m)
		return rest, nil
	case reflect.Struct:
		var err error
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				return nil, errKeptBytes
			}
			if b, err = readKeptValue(b, v.Field(i)); err != nil {
				return nil, err
			}
		}
		return b, nil
	}
	return nil, errKeptBytes
}

// readLength reads a length and as many bytes.
func readLength(b []byte) (s, rest []byte, err error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return nil, nil, errKeptBytes
	}
	return b[k : k+int(n)], b[k+int(n):], nil
}

// readCount reads the count of a slice or map: -1 when nil. Each element takes at least
// one byte, so a count beyond the bytes left is malformed.
func readCount(b []byte) (int, []byte, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k)+1 {
		return 0, nil, errKeptBytes
	}
	return int(n) - 1, b[k:], nil
}
