package reports

import (
	"fmt"
	"time"

	"liangwei/data"
)

// reportDate is the 填报日期 of every test report.
var reportDate = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

// testMeta is a fully filled signature block.
var testMeta = Meta{
	Unit: "城关镇", Leader: "张卫国", Reviewer: "李堃", Preparer: "王珺",
	Phone: "0531-87654321", Date: reportDate,
}

// villageNames are 48 believable village names for the hand-made township.
var villageNames = []string{
	"东关", "西关", "南街", "北街", "前屯", "后屯", "大王庄", "小王庄", "李家洼", "张家寨",
	"刘家河", "陈家埠", "赵家楼", "孙家岭", "周家店", "吴家桥", "郑家园", "冯家沟", "褚家坡", "卫家集",
	"蒋家湾", "沈家堡", "韩家营", "杨家岗", "朱家台", "秦家岭", "尤家圩", "许家湖", "何家畈", "吕家坝",
	"施家滩", "孔家峪", "曹家场", "严家塘", "华家坞", "金家寨", "魏家岔", "陶家渡", "姜家铺", "戚家圈",
	"谢家墩", "邹家岙", "喻家垸", "柏家浜", "水家堰", "窦家庵", "章家洲", "云家坪",
}

// ledger48 is one township of 48 active villages (and one merged away) where 47 party
// elections and 46 committee elections are complete: 97.92 % and 95.83 %.
func ledger48() data.Ledger {
	var l data.Ledger
	l.Townships = []data.Township{{Name: "城关镇"}}
	done := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	for i, n := range villageNames {
		name := n + "村"
		l.Villages = append(l.Villages, data.Village{Township: "城关镇", Name: name, Kind: data.KindVillage, Status: data.VillageActive})
		party := data.Election{Township: "城关镇", Village: name, Round: 2026, Body: data.BodyParty,
			Status: data.StatusCompleted, CompletedOn: done, OneTime: i != 47, Eligible: 40, Participants: 38}
		committee := data.Election{Township: "城关镇", Village: name, Round: 2026, Body: data.BodyCommittee,
			Status: data.StatusCompleted, CompletedOn: done, OneTime: i != 46 && i != 47, Eligible: 1000, Participants: 900}
		switch i {
		case 0:
			party.Status, party.OneTime, party.Reason = data.StatusFailed, false, "候选人得票未过半数，择期另行选举"
			committee.Status, committee.OneTime = data.StatusInProgress, false
		case 1:
			committee.Status, committee.OneTime, committee.Reason = data.StatusFailed, false, "部分村民对选民登记有异议，正在复核"
		}
		l.Elections = append(l.Elections, party, committee)
	}
	l.Villages = append(l.Villages, data.Village{Township: "城关镇", Name: "老城村", Kind: data.KindVillage, Status: data.VillageMerged})
	l.Elections = append(l.Elections, data.Election{Township: "城关镇", Village: "老城村", Round: 2026, Body: data.BodyParty, Status: data.StatusFailed, Reason: "已撤并"})
	return l
}

// cityReport is a hand-made report of n townships and u unfinished villages.
func cityReport(n, u int) data.SummaryReport {
	r := data.SummaryReport{Round: 2026}
	for i := range n {
		row := data.SummaryRow{
			Township: fmt.Sprintf("第%02d镇", i+1), Villages: 85,
			PartyOrg:  data.BodyStats{Due: 85, Completed: 84, Rate: data.Rate(84, 85), OneTime: 83, OneTimeRate: data.Rate(83, 84), Turnout: 93.1},
			Committee: data.BodyStats{Due: 85, Completed: 83, Rate: data.Rate(83, 85), OneTime: 80, OneTimeRate: data.Rate(80, 83), Turnout: 88.7},
			DualHead:  40, Cross: 120, Women: 70,
		}
		r.Rows = append(r.Rows, row)
		r.Total.Villages += row.Villages
		r.Total.PartyOrg.Completed += row.PartyOrg.Completed
		r.Total.Committee.Completed += row.Committee.Completed
	}
	r.Total.Township = "合计"
	r.Total.PartyOrg.Rate = data.Rate(r.Total.PartyOrg.Completed, r.Total.Villages)
	r.Total.Committee.Rate = data.Rate(r.Total.Committee.Completed, r.Total.Villages)
	for i := range u {
		r.Unfinished = append(r.Unfinished, data.Unfinished{
			Township: fmt.Sprintf("第%02d镇", i%max(n, 1)+1), Village: fmt.Sprintf("试验%03d村", i+1),
			Body: data.Bodies[i%2], Status: string(data.StatusFailed), Reason: "选举未成功，已报请县委组织部批准择期另选",
		})
	}
	return r
}
