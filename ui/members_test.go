package ui

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
	"liangwei/demo"
)

// u2aID completes 17 digits with their GB 11643 check digit; wrong gives a wrong one.
func u2aID(first17 string, wrong bool) string {
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(first17[i]-'0') * w
	}
	const check = "10X98765432"
	i := sum % 11
	if wrong {
		i = (i + 1) % 11
	}
	return first17 + string(check[i])
}

// u2aMemberForm opens the 两委成员 screen on a database with the given villages of 城关镇
// and taps 新增.
func u2aMemberForm(t *testing.T, villages ...string) (*membersScreen, *editForm, *sqlite.Store) {
	t.Helper()
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, villages...)
	s := uiaOpen[*membersScreen](t, u, "两委成员")
	test.Tap(s.addBtn)
	if s.form == nil {
		t.Fatal("新增 opened no form")
	}
	return s, s.form, st
}

// u2aFill types a member into the form: village, name, ID, political status and posts.
func u2aFill(f *editForm, village, name, id, political, partyPost, committeePost string) {
	f.byName["村名"].sel.SetSelected(village)
	uiaRetype(f.byName["姓名"].entry, name)
	uiaRetype(f.byName["身份证号"].entry, id)
	f.byName["学历"].sel.SetSelected("大专")
	f.byName["政治面貌"].sel.SetSelected(political)
	f.byName["党组织职务"].sel.SetSelected(partyPost)
	f.byName["村委会职务"].sel.SetSelected(committeePost)
	f.byName["新任或连任"].sel.SetSelected("新任")
}

func TestMemberFormIDCheckDigit(t *testing.T) {
	_, f, _ := u2aMemberForm(t, "王家庄村")
	id := f.byName["身份证号"]
	bad := u2aID("37010219750308001", true)
	test.Type(id.entry, bad[:17])
	if id.msg.Text != "" {
		t.Errorf("after 17 characters the ID message is %q, want none yet", id.msg.Text)
	}
	test.Type(id.entry, bad[17:])
	want := "身份证号校验位错误（第18位应为" + u2aID("37010219750308001", false)[17:] + "），请核对号码"
	if id.msg.Text != want || id.msg.Importance != widget.DangerImportance {
		t.Errorf("at 18 characters the ID message is %q (importance %v), want %q in red", id.msg.Text, id.msg.Importance, want)
	}
	if g, b := f.selected("性别"), f.text("出生日期"); g != "" || b != "" {
		t.Errorf("a wrong ID filled 性别 %q and 出生日期 %q", g, b)
	}
}

func TestMemberFormFillsFromID(t *testing.T) {
	tests := []struct {
		name, first17, gender, birth string
	}{
		{"man", "37010219750308001", "男", "1975-03-08"},
		{"woman", "37010219900615002", "女", "1990-06-15"},
		{"29 February", "37010219880229004", "女", "1988-02-29"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, f, _ := u2aMemberForm(t, "王家庄村")
			test.Type(f.byName["身份证号"].entry, u2aID(tc.first17, false))
			if got := f.selected("性别"); got != tc.gender {
				t.Errorf("性别 = %q, want %q", got, tc.gender)
			}
			if got := f.text("出生日期"); got != tc.birth {
				t.Errorf("出生日期 = %q, want %q", got, tc.birth)
			}
			for _, name := range []string{"身份证号", "性别", "出生日期"} {
				if got := f.byName[name].msg.Text; got != "" {
					t.Errorf("%s message = %q, want none", name, got)
				}
			}
		})
	}
}

func TestMemberFormFieldMessages(t *testing.T) {
	tests := []struct {
		name                  string
		political, party, com string
		id                    string
		field, want           string
	}{
		{"a 群众 with a party post", "群众", "书记", "—", u2aID("37010219750308001", false),
			"党组织职务", "担任党组织书记须为中共党员（政治面貌：群众）"},
		{"no post at all", "中共党员", "—", "—", u2aID("37010219750308001", false),
			"党组织职务", "党组织职务和村委会职务至少应有一项"},
		{"17 on 1 January", "群众", "—", "委员", u2aID("37010220080301001", false),
			"身份证号", "2026年1月1日未满18周岁（17岁），不能任职"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, f, st := u2aMemberForm(t, "王家庄村")
			u2aFill(f, "王家庄村", "张三", tc.id, tc.political, tc.party, tc.com)
			msg := f.byName[tc.field].msg
			if msg.Text != tc.want || msg.Importance != widget.DangerImportance {
				t.Errorf("%s message = %q (importance %v), want %q in red", tc.field, msg.Text, msg.Importance, tc.want)
			}
			test.Tap(f.saveBtn)
			if f.closed {
				t.Fatal("saved a member with errors")
			}
			if ms, _ := st.Members(context.Background(), 0); len(ms) != 0 {
				t.Errorf("store has %d members after a refused save", len(ms))
			}
		})
	}
}

func TestMemberFormSavesMember(t *testing.T) {
	s, f, st := u2aMemberForm(t, "王家庄村", "李家村")
	if got := f.text("乡镇"); got != "城关镇" {
		t.Errorf("乡镇 = %q, want the only township", got)
	}
	if got := f.text("民族"); got != "汉族" {
		t.Errorf("民族 = %q, want 汉族 by default", got)
	}
	if got := f.selected("党组织职务"); got != "—" {
		t.Errorf("党组织职务 = %q, want — for none", got)
	}
	id := u2aID("37010219900615002", false)
	u2aFill(f, "王家庄村", "李玥", strings.ToLower(id), "中共党员", "委员", "主任")
	f.byName["学历"].sel.SetSelected("本科及以上")
	s.tags.check("致富能手", "大学生村官")
	test.Type(f.byName["身份标签"].entry, "妇女主任、网格员")
	test.Type(f.byName["联系电话"].entry, "13905310000")
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("a valid member was refused: %q", f.summary.Text)
	}
	s.wait()

	ms, err := st.Members(context.Background(), 2026)
	if err != nil || len(ms) != 1 {
		t.Fatalf("stored %v, %v; want one member", ms, err)
	}
	got := ms[0]
	want := data.Member{ID: got.ID, Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "李玥", IDNumber: id,
		Gender: data.Female, Birth: time.Date(1990, 6, 15, 0, 0, 0, 0, time.UTC), Ethnicity: "汉族",
		Education: data.EduBachelor, Political: data.PolParty, PartyPost: data.PartyMember,
		CommitteePost: data.CommitteeDirector, Tenure: data.TenureNew,
		Tags: []string{"大学生村官", "致富能手", "妇女主任", "网格员"}, Phone: "13905310000"}
	if !got.Birth.Equal(want.Birth) {
		t.Errorf("出生日期 = %v, want %v", got.Birth, want.Birth)
	}
	got.Birth = want.Birth
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored %+v\nwant   %+v", got, want)
	}

	row := s.table.find(func(m data.Member) bool { return m.Name == "李玥" })
	if row < 0 {
		t.Fatal("saved member not in the table")
	}
	if sel, ok := s.table.selectedRecord(); !ok || sel.ID != got.ID {
		t.Errorf("selected after save = %+v (%v), want the saved member", sel, ok)
	}
	var cells []string
	for c := range s.table.cols {
		cells = append(cells, s.table.cellText(row, c))
	}
	wantRow := []string{"城关镇", "王家庄村", "2026", "李玥", "女", "35", "本科及以上", "中共党员", "委员", "主任", "新任",
		id[:4] + "**********" + id[14:], "大学生村官、致富能手、妇女主任、网格员"}
	if !reflect.DeepEqual(cells, wantRow) {
		t.Errorf("table row = %v\nwant        %v", cells, wantRow)
	}

	// Editing shows the known tags as ticked boxes and the others as text.
	test.Tap(s.editBtn)
	if got, want := s.tags.selected(), []string{"大学生村官", "致富能手"}; !reflect.DeepEqual(got, want) {
		t.Errorf("edit form tags ticked = %v, want %v", got, want)
	}
	if got := s.form.text("身份标签"); got != "妇女主任、网格员" {
		t.Errorf("edit form other tags = %q", got)
	}
}

// u2aSeedMember stores a member of 城关镇 in 2026.
func u2aSeedMember(t *testing.T, st *sqlite.Store, village, name, first17, political string, party data.PartyPost, com data.CommitteePost) data.Member {
	t.Helper()
	m := data.Member{Township: "城关镇", Village: village, Round: 2026, Name: name, IDNumber: u2aID(first17, false),
		Ethnicity: "汉族", Education: data.EduHigh, Political: data.Political(political), PartyPost: party, CommitteePost: com,
		Tenure: data.TenureReelected}
	m.FillFromID()
	if err := st.SaveMember(context.Background(), &m); err != nil {
		t.Fatalf("seed %s: %v", name, err)
	}
	return m
}

func TestMemberSecondSecretaryRefused(t *testing.T) {
	t.Run("seen in the loaded members", func(t *testing.T) {
		u, st := newTestUI(t)
		uiaSeedVillages(t, st, "王家庄村")
		u2aSeedMember(t, st, "王家庄村", "王建国", "37010219700101001", "中共党员", data.PartySecretary, data.CommitteeNone)
		s := uiaOpen[*membersScreen](t, u, "两委成员")
		test.Tap(s.addBtn)
		f := s.form
		u2aFill(f, "王家庄村", "赵立新", u2aID("37010219800202003", false), "中共党员", "书记", "—")
		want := "王家庄村2026届已有书记王建国，一个村只能有一名书记"
		if got := f.byName["党组织职务"].msg.Text; got != want {
			t.Errorf("党组织职务 message = %q, want %q", got, want)
		}
		test.Tap(f.saveBtn)
		if f.closed {
			t.Fatal("a second 书记 was saved")
		}
		if ms, _ := st.Members(context.Background(), 2026); len(ms) != 1 {
			t.Errorf("store has %d members, want 1", len(ms))
		}
	})
	t.Run("refused by the store", func(t *testing.T) {
		s, f, st := u2aMemberForm(t, "王家庄村")
		// Stored after the screen loaded: only the store knows of this 主任.
		u2aSeedMember(t, st, "王家庄村", "王建国", "37010219700101001", "群众", data.PartyNone, data.CommitteeDirector)
		u2aFill(f, "王家庄村", "赵立新", u2aID("37010219800202003", false), "群众", "—", "主任")
		if got := f.byName["村委会职务"].msg.Text; got != "" {
			t.Fatalf("村委会职务 message before saving = %q", got)
		}
		test.Tap(f.saveBtn)
		if f.closed {
			t.Fatal("a second 主任 was saved")
		}
		msg := f.byName["村委会职务"].msg
		if !strings.Contains(msg.Text, "主任") || msg.Importance != widget.DangerImportance {
			t.Errorf("村委会职务 message = %q (importance %v), want the store's refusal in red", msg.Text, msg.Importance)
		}
		if ms, _ := st.Members(context.Background(), 2026); len(ms) != 1 {
			t.Errorf("store has %d members, want 1", len(ms))
		}
		_ = s
	})
}

func TestMembersFiltersAndDelete(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, "王家庄村", "李家村")
	u2aSeedMember(t, st, "王家庄村", "王建国", "37010219700101001", "中共党员", data.PartySecretary, data.CommitteeDirector)
	u2aSeedMember(t, st, "王家庄村", "王秀英", "37010219850301002", "中共党员", data.PartyMember, data.CommitteeNone)
	u2aSeedMember(t, st, "李家村", "李强", "37010219780909003", "中共党员", data.PartySecretary, data.CommitteeNone)
	u2aSeedMember(t, st, "李家村", "李红", "37010219920412004", "群众", data.PartyNone, data.CommitteeDirector)
	s := uiaOpen[*membersScreen](t, u, "两委成员")
	if got := s.table.rowCount(); got != 4 {
		t.Fatalf("%d rows, want 4", got)
	}
	names := func() []string {
		out := uiaColumn(s.table, 3)
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		post string
		want []string
	}{
		{"书记", []string{"李强", "王建国"}},
		{"主任", []string{"李红", "王建国"}},
		{"党组织委员", []string{"王秀英"}},
		{"一肩挑", []string{"王建国"}},
		{"交叉任职", []string{"王建国"}},
		{"全部职务", []string{"李强", "李红", "王建国", "王秀英"}},
	} {
		s.postSel.SetSelected(c.post)
		if got := names(); !reflect.DeepEqual(got, c.want) {
			t.Errorf("post %s: %v, want %v", c.post, got, c.want)
		}
	}
	s.villageSel.SetSelected("李家村")
	if got, want := names(), []string{"李强", "李红"}; !reflect.DeepEqual(got, want) {
		t.Errorf("李家村: %v, want %v", got, want)
	}
	s.townshipSel.SetSelected("城关镇")
	if got, want := s.villageSel.Options, []string{"全部村", "李家村", "王家庄村"}; !reflect.DeepEqual(got, want) {
		t.Errorf("village options of 城关镇 = %v, want %v", got, want)
	}
	if got, want := names(), []string{"李强", "李红"}; s.villageSel.Selected != "李家村" || !reflect.DeepEqual(got, want) {
		t.Errorf("choosing the village's own township changed the rows to %v (village %q)", got, s.villageSel.Selected)
	}
	test.Type(s.table.search, "李红")
	if got := s.table.rowCount(); got != 1 {
		t.Fatalf("search 李红: %d rows", got)
	}
	uiaShot(t, u, "members-filtered")

	s.table.table.Select(uiaCell(0))
	test.Tap(s.deleteBtn)
	if s.confirm == nil {
		t.Fatal("delete did not ask")
	}
	s.confirm.Confirm()
	s.wait()
	ms, _ := st.Members(context.Background(), 2026)
	if len(ms) != 3 || slices.ContainsFunc(ms, func(m data.Member) bool { return m.Name == "李红" }) {
		t.Errorf("after deleting 李红 the store has %v", ms)
	}
	if !strings.Contains(s.status.Text, "回收站") {
		t.Errorf("status = %q", s.status.Text)
	}
}

func TestMembersEmptyAndNoVillages(t *testing.T) {
	u, _ := newTestUI(t)
	s := uiaOpen[*membersScreen](t, u, "两委成员")
	if got := s.table.empty.Text; !strings.HasPrefix(got, "还没有村庄") {
		t.Errorf("empty text = %q", got)
	}
	test.Tap(s.addBtn)
	if s.form != nil {
		t.Error("a form opened with no villages to choose")
	}
}

// TestMemberScreenshots renders the 两委成员 and 乡镇班子 screens and the member form at
// 1366×768 on the demo township; with LIANGWEI_SHOTS=/tmp/shots the PNGs are kept.
func TestMemberScreenshots(t *testing.T) {
	u, st := newTestUI(t)
	if _, err := st.Import(context.Background(), demo.Batch(uiaToday), "demo"); err != nil {
		t.Fatal(err)
	}
	s := uiaOpen[*membersScreen](t, u, "两委成员")
	uiaShot(t, u, "members-demo")
	test.Tap(s.addBtn)
	f := s.form
	f.byName["村名"].sel.SetSelected(f.byName["村名"].sel.Options[0])
	test.Type(f.byName["姓名"].entry, "王建国")
	test.Type(f.byName["身份证号"].entry, u2aID("37010219750308001", false))
	f.byName["政治面貌"].sel.SetSelected("群众")
	f.byName["党组织职务"].sel.SetSelected("书记")
	test.Tap(f.saveBtn)
	uiaShot(t, u, "members-form")
	f.close()

	ls := uiaOpen[*leadershipScreen](t, u, "乡镇班子")
	uiaShot(t, u, "leadership-demo")
	test.Tap(ls.addBtn)
	test.Type(ls.form.byName["党委班子成员数"].entry, "9")
	test.Type(ls.form.byName["政府班子成员数"].entry, "4")
	test.Type(ls.form.byName["交叉任职数"].entry, "5")
	uiaShot(t, u, "leadership-form")
}

func TestMembersVillageFilterFollowsTownship(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, "王家庄村")
	v := data.Village{Township: "安乐镇", Name: "安乐村", Kind: data.KindVillage, Status: data.VillageActive}
	if err := st.SaveVillage(context.Background(), &v); err != nil {
		t.Fatal(err)
	}
	u2aSeedMember(t, st, "王家庄村", "王建国", "37010219700101001", "中共党员", data.PartySecretary, data.CommitteeNone)
	m := data.Member{Township: "安乐镇", Village: "安乐村", Round: 2026, Name: "安平", IDNumber: u2aID("37010219800101003", false),
		Political: data.PolMasses, CommitteePost: data.CommitteeDirector}
	if err := st.SaveMember(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	s := uiaOpen[*membersScreen](t, u, "两委成员")
	steps := []struct {
		township, village string
		wantOptions       []string
		wantRows          int
	}{
		{"全部乡镇", "安乐村", []string{"全部村", "安乐村", "王家庄村"}, 1},
		{"城关镇", "", []string{"全部村", "王家庄村"}, 1}, // 安乐村 is not in 城关镇: the choice is cleared
		{"安乐镇", "安乐村", []string{"全部村", "安乐村"}, 1},
		{"全部乡镇", "", []string{"全部村", "安乐村", "王家庄村"}, 1},
	}
	for _, st := range steps {
		s.townshipSel.SetSelected(st.township)
		if st.village != "" {
			s.villageSel.SetSelected(st.village)
		}
		if !reflect.DeepEqual(s.villageSel.Options, st.wantOptions) {
			t.Errorf("%s: village options %v, want %v", st.township, s.villageSel.Options, st.wantOptions)
		}
		if got := s.table.rowCount(); got != st.wantRows {
			t.Errorf("%s/%s: %d rows, want %d", st.township, s.villageSel.Selected, got, st.wantRows)
		}
	}
	if s.villageSel.Selected != "安乐村" {
		t.Errorf("village choice = %q, want 安乐村 kept when all townships are shown", s.villageSel.Selected)
	}
}

// BenchmarkMembersTableCity loads the members of a city (5,252 villages, 7 each), then
// filters by township and post, searches and sorts by age: the work of opening and
// filtering the 两委成员 ledger (SPEC §9).
func BenchmarkMembersTableCity(b *testing.B) {
	test.NewTempApp(b)
	ms := make([]data.Member, 5252*7)
	posts := []struct {
		p data.PartyPost
		c data.CommitteePost
	}{{data.PartySecretary, data.CommitteeDirector}, {data.PartyDeputy, data.CommitteeNone}, {data.PartyMember, data.CommitteeMember},
		{data.PartyMember, data.CommitteeNone}, {data.PartyNone, data.CommitteeDeputy}, {data.PartyNone, data.CommitteeMember}, {data.PartyMember, data.CommitteeNone}}
	for i := range ms {
		v := i / 7
		ms[i] = data.Member{Township: fmt.Sprintf("第%02d镇", v%62), Village: fmt.Sprintf("村%04d", v), Round: 2026,
			Name: fmt.Sprintf("成员%05d", i), IDNumber: fmt.Sprintf("37010219%02d0101%03d1", 60+i%40, i%1000), Gender: data.Male,
			Birth: time.Date(1960+i%40, 1, 1, 0, 0, 0, 0, time.UTC), Education: data.EduHigh, Political: data.PolParty,
			PartyPost: posts[i%7].p, CommitteePost: posts[i%7].c, Tenure: data.TenureNew, Tags: []string{"致富能手"}}
	}
	s := newMembersScreen(&UI{})
	w := test.NewTempWindow(b, container.NewStack(s.table.body))
	w.Resize(fyne.NewSize(1200, 700))
	b.ResetTimer()
	for b.Loop() {
		s.townshipSel.SetSelected("全部乡镇")
		s.postSel.SetSelected("全部职务")
		s.table.search.SetText("")
		s.table.setData(ms)
		s.townshipSel.SetSelected("第07镇")
		s.postSel.SetSelected("书记")
		s.table.search.SetText("村0")
		s.table.sortBy(5)
	}
}
