package data

import (
	"slices"
	"testing"
)

func TestSortVillages(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []Village
		want []string // township/village
	}{
		{"pinyin without codes", []Village{
			{Township: "城关镇", Name: "三里铺村"}, {Township: "城关镇", Name: "东关村"}, {Township: "城关镇", Name: "北街社区"},
		}, []string{"城关镇/北街社区", "城关镇/东关村", "城关镇/三里铺村"}},
		{"codes first, in code order", []Village{
			{Township: "城关镇", Name: "东关村"},
			{Township: "城关镇", Name: "三里铺村", Code: "370827100002"},
			{Township: "城关镇", Name: "张庄村", Code: "370827100001"},
		}, []string{"城关镇/张庄村", "城关镇/三里铺村", "城关镇/东关村"}},
		{"townships by code, then pinyin", []Village{
			{Township: "安居镇", Name: "甲村"},
			{Township: "张集镇", Name: "乙村", Code: "370827102001"},
			{Township: "城关镇", Name: "丙村", Code: "370827100001"},
			{Township: "北湖街道", Name: "丁社区"},
		}, []string{"城关镇/丙村", "张集镇/乙村", "安居镇/甲村", "北湖街道/丁社区"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vs := slices.Clone(tc.in)
			SortVillages(vs)
			var got []string
			for _, v := range vs {
				got = append(got, v.Township+"/"+v.Name)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestVillageOrderUnknown(t *testing.T) {
	o := NewVillageOrder([]Village{{Township: "城关镇", Name: "三里铺村"}})
	if c := o.Compare("城关镇", "三里铺村", "城关镇", "东关村"); c >= 0 {
		t.Errorf("a known village should come before an unknown one, got %d", c)
	}
	if c := o.Compare("城关镇", "张庄村", "城关镇", "东关村"); c <= 0 {
		t.Errorf("unknown villages by pinyin: 东关村 before 张庄村, got %d", c)
	}
	if c := o.CompareTownships("安居镇", "北湖街道"); c >= 0 {
		t.Errorf("unknown townships by pinyin, got %d", c)
	}
}

func TestPhoneProblem(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"", true},
		{"13805310000", true},
		{"138 0531 0000", true},
		{"138-0531-0000", true},
		{"１３８０５３１００００", true},
		{"0537-5212345", true},
		{"0531-88001234", true},
		{"010-12345678", true},
		{"(0537)5212345", true},
		{"（0537）5212345", true},
		{"05375212345", true},
		{"02188001234", true},
		{"0537-5212345转801", true},
		{"0537-5212345、13805310000", true},
		{"4008123123", true},
		{"138", false},
		{"1380531000", false},
		{"12805310000", false},
		{"5212345", false},
		{"0537-521234", false},
		{"05-5212345", false},
		{"无", false},
		{"13805310000、139", false},
		{"0537-5212345转", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			msg := PhoneProblem(tc.in)
			if (msg == "") != tc.ok {
				t.Errorf("PhoneProblem(%q) = %q, want ok=%v", tc.in, msg, tc.ok)
			}
		})
	}
	if ps := (Member{Phone: "138"}).Validate().For("联系电话"); !ps.HasErrors() {
		t.Errorf("a member's 联系电话 138 passed: %v", ps)
	}
	if ps := (Township{Name: "城关镇", Phone: "5212345"}).Validate().For("联系电话"); !ps.HasErrors() {
		t.Errorf("a township's 联系电话 without area code passed: %v", ps)
	}
}
