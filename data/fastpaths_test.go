package data

import (
	"bytes"
	"slices"
	"testing"
)

// TestKeepAll: keepAll is the records kept, in order, without touching what it was given,
// and the slice itself when every record is kept.
func TestKeepAll(t *testing.T) {
	xs := []int{1, 2, 3, 4, 5, 6}
	if got := keepAll(xs, func(x *int) bool { return *x > 0 }); &got[0] != &xs[0] || len(got) != 6 {
		t.Errorf("all kept: a copy %v", got)
	}
	for _, c := range []struct {
		keep func(*int) bool
		want []int
	}{
		{func(x *int) bool { return *x%2 == 0 }, []int{2, 4, 6}},
		{func(x *int) bool { return *x != 1 }, []int{2, 3, 4, 5, 6}},
		{func(x *int) bool { return *x != 6 }, []int{1, 2, 3, 4, 5}},
		{func(x *int) bool { return false }, nil},
	} {
		got := keepAll(xs, c.keep)
		if !slices.Equal(got, c.want) {
			t.Errorf("keepAll = %v, want %v", got, c.want)
		}
		if len(got) > 0 {
			got[0] = 99
		}
		if !slices.Equal(xs, []int{1, 2, 3, 4, 5, 6}) {
			t.Fatalf("keepAll changed its input: %v", xs)
		}
	}
}

// TestCompareDigests: digests are ordered as bytes.Compare orders them.
func TestCompareDigests(t *testing.T) {
	var ds [][32]byte
	for i := range 64 {
		var d [32]byte
		d[i%8], d[8+i%24] = byte(i*37), byte(255-i)
		ds = append(ds, d, d)
	}
	for _, x := range ds {
		for _, y := range ds {
			if got, want := compareDigests(x, y), bytes.Compare(x[:], y[:]); got != want {
				t.Fatalf("compareDigests(%x, %x) = %d, bytes.Compare %d", x, y, got, want)
			}
		}
	}
}
