#!/usr/bin/python3
"""Writes the workbooks and CSV files of the import corpus (exchange/corpus_test.go) the way
other programs write them: openpyxl for the workbooks, Python's codecs for the CSV files in
GBK, UTF-16 and UTF-8 with BOM. LibreOffice copies are made from these by the test (or by
hand: soffice --headless --convert-to xlsx --outdir DIR FILE).

Usage: /usr/bin/python3 make_corpus.py OUTDIR   (Debian: apt-get install python3-openpyxl)
"""
import datetime as dt
import os
import sys

import openpyxl
from openpyxl.styles import Alignment
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
os.makedirs(out, exist_ok=True)

TOWN = "城关镇"
VILLAGES = [("东关村", "村", 320, 1180), ("西关村", "村", 280, 990), ("南关社区", "社区", 1500, 4200),
            ("北关村", "村", 210, 760), ("王家庄村", "村", 150, 520)]
# 村委会 elections: village, eligible, participants, seats, candidates, elected, date
ELECTIONS = [("东关村", 900, 812, 5, 7, 5, dt.datetime(2026, 3, 15, 10, 30)),
             ("西关村", 760, 700, 5, 6, 5, "2026.3.16"),
             ("南关社区", 3100, 2650, 7, 9, 7, "2026年03月17日"),
             ("北关村", 600, 540, 3, 5, 3, "2026-3-18"),
             ("王家庄村", 410, 390, 3, 4, 3, dt.date(2026, 3, 19))]


def ledger():
    """Our own sheets, written by openpyxl, with the headers clerks write: units, line breaks,
    full-width brackets and the official aliases."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "乡镇"
    ws.append(["乡镇（街道）", "县区", "联系人", "联系电话"])
    ws.append([TOWN, "平安县", "李明", "0531-12345678"])
    ws = wb.create_sheet("村庄")
    ws.append(["乡镇", "村（社区）名称", "类型", "户数（户）", "人口\n（人）", "区划代码", "状态", "备注"])
    for name, kind, hh, pop in VILLAGES:
        ws.append([TOWN, name, kind, hh, pop, None, "正常", None])
    ws = wb.create_sheet("换届")
    ws.append(["乡镇", "村名", "届次", "组织", "状态", "完成日期", "一次选举成功",
               "登记选民数（人）", "参加投票\n选民数（人）", "应选职数（名）", "候选人数(名)", "当选人数（名）", "未完成原因"])
    for v, el, pa, seats, cand, won, day in ELECTIONS:
        ws.append([TOWN, v, 2026, "村委会", "已完成", day, "是", el, pa, seats, cand, won, None])
    ws["F2"].number_format = "yyyy-mm-dd hh:mm"
    ws["F6"].number_format = "yyyy-mm-dd"
    wb.save(os.path.join(out, "openpyxl-台账.xlsx"))


def official():
    """A county's form: merged title, 填报单位 line, two-level header, 合计 row with formulas
    (openpyxl stores no computed value) and the signature line."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "换届"
    ws.append(["城关镇村“两委”换届情况统计表（2026年）"])
    ws.merge_cells("A1:L1")
    ws.append(["填报单位：城关镇党委（盖章）", None, None, None, None, None, None, None, None, "单位：个、人"])
    ws.merge_cells("A2:F2")
    ws.merge_cells("J2:L2")
    ws.append(["乡镇（街道）", "村（社区）名称", "届次", "组织", "状态", "完成日期", "参选情况", None, "职数情况", None, None, "一次选举成功"])
    ws.append([None, None, None, None, None, None, "登记选民数（人）", "参加投票人数（人）", "应选职数", "候选人数", "当选人数", None])
    for col in "ABCDEFL":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("G3:H3")
    ws.merge_cells("I3:K3")
    for c in ws[3] + ws[4]:
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for v, el, pa, seats, cand, won, _ in ELECTIONS:
        ws.append([TOWN, v, 2026, "村委会", "已完成", dt.date(2026, 4, 2), el, pa, seats, cand, won, "是"])
    last = ws.max_row
    ws.append(["合计", None, None, None, None, None, f"=SUM(G5:G{last})", f"=SUM(H5:H{last})",
               f"=SUM(I5:I{last})", f"=SUM(J5:J{last})", f"=SUM(K5:K{last})", None])
    ws.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=2)
    ws.append([])
    ws.append(["负责人：王强", None, None, "审核人：赵敏", None, None, "填表人：李明", None, None, "填报日期：2026年4月5日"])
    wb.save(os.path.join(out, "official-换届统计表.xlsx"))


def mac1904():
    """约谈 in a workbook of the 1904 date system (Excel for Mac, some WPS settings)."""
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "约谈"
    ws.append(["编号", "乡镇", "日期", "约谈方式", "约谈人", "被约谈人", "单位", "职务", "类别", "事由", "处理情况"])
    rows = [("城关谈〔2026〕1号", dt.date(2026, 3, 15), "主动约谈", "汇报工作和思想"),
            ("城关谈〔2026〕2号", dt.datetime(2026, 3, 16, 15, 45), "申请约谈", "个人诉求"),
            ("城关谈〔2026〕3号", dt.date(2026, 12, 31), "下访约谈", "意见建议")]
    for no, day, mode, cat in rows:
        ws.append([no, TOWN, day, mode, "张书记", "刘村", "东关村党支部", "书记", cat, "换届工作", "已谈话"])
    for r in range(2, 5):
        ws.cell(r, 3).number_format = "yyyy-mm-dd"
    wb.save(os.path.join(out, "mac1904-约谈.xlsx"))


def id_as_number():
    """两委成员 whose 身份证号 column was left as a number: the last digits are gone."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "两委成员"
    ws.append(["乡镇", "村名", "届次", "姓名", "公民身份号码", "党组织职务", "村委会职务", "政治面貌"])
    ws.append([TOWN, "东关村", 2026, "王芳", "370102198001011229", "—", "主任", "群众"])
    ws.append([TOWN, "东关村", 2026, "张伟", 370102198505052000, "—", "委员", "群众"])
    ws.append([TOWN, "西关村", 2026, "李娜", 3.70102199001011e17, "—", "委员", "群众"])
    wb.save(os.path.join(out, "openpyxl-成员身份证为数字.xlsx"))


def csvs():
    """村庄 as Excel saves a form as CSV: title and unit lines, units in headers, a 合计 row and
    the signature line; in GBK (Excel on Chinese Windows), UTF-16 with tabs (Excel's “Unicode
    文本”) and UTF-8 with BOM, the last with invisible characters in the keys."""
    head = ["城关镇村（社区）基本情况表", "单位：户、人"]
    rows = [["序号", "乡镇（街道）", "村（社区）名称", "类型", "户数（户）", "人口（人）", "状态"]]
    for i, (name, kind, hh, pop) in enumerate(VILLAGES, 1):
        rows.append([str(i), TOWN, name, kind, str(hh), str(pop), "正常"])
    total = ["合计", "", "", "", str(sum(v[2] for v in VILLAGES)), str(sum(v[3] for v in VILLAGES)), ""]
    foot = ["填表人：李明", "", "", "填报日期：2026年4月5日"]

    def text(sep, rows):
        return "\r\n".join(sep.join(r) for r in rows) + "\r\n"

    body = [[head[0]], [head[1]]] + rows + [total, foot]
    with open(os.path.join(out, "城关镇-村庄-gbk.csv"), "wb") as f:
        f.write(text(",", body).encode("gbk"))
    with open(os.path.join(out, "城关镇-村庄-utf16.csv"), "wb") as f:
        f.write(text("\t", body).encode("utf-16"))  # BOM, little-endian
    dirty = [r[:] for r in rows]
    dirty[1][1] = "城关镇\u200b"            # zero-width space
    dirty[2][1] = "\ufeff城关\u2060镇"      # a BOM inside a cell, word joiner
    dirty[3][2] = "南关\u200d社区\u00a0"     # zero-width joiner, no-break space
    dirty[4][1] = "\u202a城关镇\u202c"      # bidi embedding
    with open(os.path.join(out, "城关镇-村庄-utf8bom.csv"), "wb") as f:
        f.write(text(",", dirty).encode("utf-8-sig"))
    bad = [r[:] for r in rows]
    bad[2][2] = "西关\x07村"                # a control character
    with open(os.path.join(out, "城关镇-村庄-控制字符.csv"), "wb") as f:
        f.write(text(",", bad).encode("utf-8-sig"))


ledger()
official()
mac1904()
id_as_number()
csvs()
