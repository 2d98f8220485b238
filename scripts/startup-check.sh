#!/usr/bin/env bash
# startup-check.sh BINARY checks that the desktop program starts on a fresh account (called by
# `make test` after building bin/liangwei): under a virtual X screen of 1366×768 (Xvfb), with a
# new empty home and LIANGWEI_DB pointing into a temporary folder that does not exist yet, the
# program must show a window named 两委台账, create its database file and take the automatic
# start-up backup into the backups folder beside it (SPEC §8). It polls rather than
# sleeping a fixed time, gives up after STARTUP_TIMEOUT seconds (default 15), then stops the
# program. On failure it says what was missing and prints the program's output.
#
# The window must fit the screen less a taskbar (issue 17): on the 1366×768 screen, with no
# window manager to report a work area, the program assumes a 40 px taskbar and a 31 px
# title bar, so its window may be at most 1366×697 and must end above the taskbar (y +
# height ≤ 728), its footer (共 N 条, the saved messages) in sight.
set -euo pipefail

bin=${1:-bin/liangwei}
timeout=${STARTUP_TIMEOUT:-15}
title='两委台账'

die() { echo "启动检查失败：$*" >&2; exit 1; }

[ -x "$bin" ] || die "找不到可执行文件 $bin（先 make gui）"
for tool in xvfb-run xdotool; do
	command -v "$tool" >/dev/null || die "找不到 $tool（Debian/Ubuntu 软件包 xvfb、xdotool）"
done

if [ -z "${STARTUP_CHECK_INNER:-}" ]; then
	# Outer half: run this same script again inside a private X server.
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	export STARTUP_CHECK_INNER=1 STARTUP_CHECK_WORK="$work"
	exec_status=0
	xvfb-run -a -s "-screen 0 1366x768x24 -nolisten tcp" "${BASH_SOURCE[0]}" "$bin" || exec_status=$?
	exit "$exec_status"
fi

# Inner half: DISPLAY is the Xvfb server of xvfb-run.
work=$STARTUP_CHECK_WORK
db="$work/data/liangwei/liangwei.db"
log="$work/liangwei.log"
mkdir -p "$work/home"
# A fresh account: empty home and config folders, so nothing of the developer's leaks in and
# the program's own files (Fyne preferences, backups) land in the temporary folder; a Chinese
# locale as on a clerk's PC.
LANG=zh_CN.UTF-8 LC_ALL= HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
	XDG_CACHE_HOME="$work/home/.cache" LIANGWEI_DB="$db" "$bin" >"$log" 2>&1 &
pid=$!

stop() {
	if kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null || true
		# Give it up to 5 s to close, then force.
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
}
fail() {
	stop
	echo "启动检查失败：$*" >&2
	echo "---- $bin 的输出 ----" >&2
	cat "$log" >&2 || true
	echo "----" >&2
	exit 1
}
trap stop EXIT

start=$(date +%s%N)
deadline=$((start + timeout * 1000000000))
window=""
backup=""
while :; do
	kill -0 "$pid" 2>/dev/null || fail "程序在窗口出现前就退出了"
	[ -n "$window" ] || window=$(xdotool search --onlyvisible --name "^${title}\$" 2>/dev/null | head -n 1 || true)
	[ -n "$backup" ] || backup=$(find "$(dirname "$db")/backups" -maxdepth 1 -type f -name '*.db' -size +0 2>/dev/null | head -n 1 || true)
	[ -n "$window" ] && [ -s "$db" ] && [ -n "$backup" ] && break
	[ "$(date +%s%N)" -lt "$deadline" ] || break
	sleep 0.1
done
elapsed_ms=$((($(date +%s%N) - start) / 1000000))

[ -n "$window" ] || fail "${timeout} 秒内没有出现名为「${title}」的窗口"
[ -s "$db" ] || fail "窗口出现了，但没有建立数据库文件 $db"
head -c 16 "$db" | grep -q '^SQLite format 3' || fail "$db 不是 SQLite 数据库"
[ -n "$backup" ] || fail "${timeout} 秒内没有在 $(dirname "$db")/backups 里做启动时的自动备份"
# The window may be mapped before its final size: poll until the geometry settles.
geometry="" position=""
for _ in $(seq 30); do
	info=$(xdotool getwindowgeometry "$window" 2>/dev/null || true)
	g=$(sed -n 's/.*Geometry: //p' <<<"$info")
	p=$(sed -n 's/.*Position: \([0-9-]*,[0-9-]*\).*/\1/p' <<<"$info")
	[ -n "$g" ] && [ "$g" = "$geometry" ] && [ "$p" = "$position" ] && break
	geometry=$g position=$p
	sleep 0.1
done
kill -0 "$pid" 2>/dev/null || fail "程序在窗口出现后退出了"
screen_w=1366 screen_h=768 taskbar=40 titlebar=31
max_h=$((screen_h - taskbar - titlebar))
win_w=${geometry%x*} win_h=${geometry#*x}
pos_x=${position%,*} pos_y=${position#*,}
[[ $win_w =~ ^[0-9]+$ && $win_h =~ ^[0-9]+$ ]] || fail "读不出窗口大小（xdotool：${info:-无输出}）"
[[ $pos_x =~ ^-?[0-9]+$ && $pos_y =~ ^-?[0-9]+$ ]] || fail "读不出窗口位置（xdotool：${info:-无输出}）"
[ "$win_w" -le "$screen_w" ] || fail "窗口宽 ${win_w} px，超出 ${screen_w}×${screen_h} 屏幕"
[ "$win_h" -le "$max_h" ] || fail "窗口高 ${win_h} px，超过 ${screen_h} 减任务栏 ${taskbar} 和标题栏 ${titlebar} 后的 ${max_h} px"
[ "$pos_x" -ge 0 ] && [ "$pos_y" -ge 0 ] || fail "窗口位置 ${position} 超出屏幕左上角"
[ $((pos_x + win_w)) -le "$screen_w" ] || fail "窗口右边（${position} + ${geometry}）超出屏幕"
[ $((pos_y + win_h)) -le $((screen_h - taskbar)) ] || fail "窗口底边在 $((pos_y + win_h)) px，被任务栏（${screen_h} 减 ${taskbar} px 以下）挡住"
echo "启动检查通过：窗口「${title}」(${geometry}，位置 ${position}，在 1366×768 减任务栏内) 在 ${elapsed_ms} ms 内出现，数据库 $(basename "$db") 已建立，自动备份 $(basename "$backup")"
