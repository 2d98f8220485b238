#!/usr/bin/env bash
# startup-check.sh BINARY checks that the desktop program starts on a fresh account (called by
# `make test` after building bin/liangwei): under a virtual X screen of 1366×768 (Xvfb), with a
# new empty home and LIANGWEI_DB pointing into a temporary folder that does not exist yet, the
# program must show a window named 两委台账, create its database file and take the automatic
# start-up backup into the backups folder beside it (SPEC §8). It polls rather than
# sleeping a fixed time, gives up after STARTUP_TIMEOUT seconds (default 15), then stops the
# program. On failure it says what was missing and prints the program's output.
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
geometry=$(xdotool getwindowgeometry "$window" 2>/dev/null | sed -n 's/.*Geometry: //p')
kill -0 "$pid" 2>/dev/null || fail "程序在窗口出现后退出了"
echo "启动检查通过：窗口「${title}」(${geometry:-?}) 在 ${elapsed_ms} ms 内出现，数据库 $(basename "$db") 已建立，自动备份 $(basename "$backup")"
