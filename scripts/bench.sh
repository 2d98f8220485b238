#!/usr/bin/env bash
# bench.sh — measure 两委台账 at city scale (SPEC §9, issue 7) and print the numbers that go
# into BENCHMARKS.md:
#   1. the machine (nproc, CPU model, RAM);
#   2. timed liangwei-cli runs on the yearbook's city (62 township workbooks, 5,252 villages,
#      47,989 members): generate, merge (import of all files), re-import, stats, the summary,
#      四有 (party), detail and members PDFs, export — wall time and peak RSS from GNU time;
#   3. LibreOffice converting the exported city workbook to PDF, and the ratio to the program;
#   4. reading the city workbook: liangwei-cli importing city.xlsx beside LibreOffice merely
#      converting it to CSV (every sheet), CPU time against CPU time (issue 19);
#   5. the province: cities of 10× and 30× the townships (demo --townships 620, 1860), each
#      merged from its township workbooks, then stats, check, the summary, detail and members
#      PDFs and export, with peak RSS (PROVINCE="620 1860" by default; PROVINCE= skips it);
#   6. the desktop program's start to a mapped window under Xvfb, when bin/liangwei is built;
#   7. the Go benchmarks of ./bench and ./bench/startup (one iteration each).
#
# Usage: scripts/bench.sh [WORKDIR]     (default: a new temporary folder, kept for inspection)
# Installs time and libreoffice-calc (and xdotool for step 4) with apt-get when missing.
# Not part of make test / CI: it takes minutes and wants the machine to itself.
set -euo pipefail

cd "$(dirname "$0")/.."
command -v go >/dev/null 2>&1 || export PATH=/usr/local/go/bin:$PATH
W=${1:-$(mktemp -d /tmp/liangwei-bench.XXXXXX)}
mkdir -p "$W"
CLI="$W/liangwei-cli"
DB="$W/city.db"
CITY="$W/city"
DATE=2026-11-25

apt_install() {
	local missing=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		local sudo=""
		[ "$(id -u)" = 0 ] || sudo=sudo
		echo "安装缺少的软件包：${missing[*]}" >&2
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
	fi
}
apt_install time

# timed NAME CMD... runs CMD, records wall seconds, CPU seconds (user + system: what the run
# costs on a shared machine, where wall time includes waiting for a core) and peak RSS (MB).
declare -A SECS CPU RSS
timed() {
	local name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$W/$name.time" "$@" >"$W/$name.out" 2>"$W/$name.err" || {
		echo "失败：$name（$*）" >&2
		tail -5 "$W/$name.err" >&2
		exit 1
	}
	read -r s u y k <"$W/$name.time"
	SECS[$name]=$s
	CPU[$name]=$(awk -v u="$u" -v y="$y" 'BEGIN {printf "%.2f", u + y}')
	RSS[$name]=$((k / 1024))
	printf '| %-28s | %8s s | %8s s | %6s MB |\n' "$name" "$s" "${CPU[$name]}" "${RSS[$name]}"
}

echo "## Machine"
echo
echo "- nproc: $(nproc)"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "- RAM: $(free -m | awk '/^Mem:/ {printf "%.1f GB", $2/1024}')"
echo "- load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- Go: $(go version | cut -d' ' -f3-)"
echo "- commit: $(git rev-parse --short HEAD)"
echo "- work folder: $W"
echo

CGO_ENABLED=0 go build -o "$CLI" ./cmd/liangwei-cli
rm -rf "$CITY" "$DB" "$DB"-*

echo "## liangwei-cli on the city"
echo
echo "| run | wall | CPU | peak RSS |"
echo "|---|---|---|---|"
timed "demo --scale city" "$CLI" demo --scale city --out "$CITY"
files=("$CITY"/*.xlsx)
timed "init (start, empty db)" "$CLI" --db "$W/empty.db" init
timed "import 62 files" "$CLI" --db "$DB" import "${files[@]}"
timed "re-import 62 files" "$CLI" --db "$DB" import "${files[@]}"
# The first stats and summary after an import compute (cold); the second find the figure
# cache (data/sqlite/cache.go) of the unchanged ledger (warm).
timed "stats --json" "$CLI" --db "$DB" stats --json --date "$DATE"
timed "stats --json (warm)" "$CLI" --db "$DB" stats --json --date "$DATE"
timed "report summary" "$CLI" --db "$DB" report summary --out "$W/summary.pdf" --date "$DATE"
timed "report summary (warm)" "$CLI" --db "$DB" report summary --out "$W/summary.pdf" --date "$DATE"
timed "check" sh -c '"$0" --db "$1" check; [ $? -le 1 ]' "$CLI" "$DB"
timed "report party" "$CLI" --db "$DB" report party --out "$W/party.pdf" --date "$DATE"
timed "report detail" "$CLI" --db "$DB" report detail --out "$W/detail.pdf" --date "$DATE"
timed "report members" "$CLI" --db "$DB" report members --out "$W/members.pdf" --date "$DATE"
timed "export" "$CLI" --db "$DB" export "$W/city.xlsx"
echo
tail -1 "$W/import 62 files.out"
tail -1 "$W/re-import 62 files.out"
echo
for f in summary party detail members; do
	pages=$(pdfinfo "$W/$f.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
	echo "- $f.pdf: $(du -k "$W/$f.pdf" | cut -f1) KB${pages:+, $pages pages}"
done
echo "- city.xlsx: $(du -k "$W/city.xlsx" | cut -f1) KB"
echo

echo "## LibreOffice converting the exported city workbook"
echo
apt_install libreoffice-calc
SOFFICE=$(command -v soffice || command -v libreoffice)
# A warm-up run creates the profile, so the timed run measures the conversion only.
"$SOFFICE" --headless -env:UserInstallation=file://"$W"/lo-profile --convert-to pdf --outdir "$W/lo-warm" "$W/summary.pdf" >/dev/null 2>&1 || true
timed "soffice --convert-to pdf" "$SOFFICE" --headless -env:UserInstallation=file://"$W"/lo-profile --convert-to pdf --outdir "$W/lo" "$W/city.xlsx"
lo=${SECS["soffice --convert-to pdf"]}
echo
echo "- LibreOffice pages: $(pdfinfo "$W/lo/city.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
for r in "report detail" "report summary" "report members"; do
	awk -v lo="$lo" -v p="${SECS[$r]}" -v lc="${CPU["soffice --convert-to pdf"]}" -v pc="${CPU[$r]}" -v r="$r" \
		'BEGIN {printf "- ratio LibreOffice / %s: %.1f× wall, %.1f× CPU\n", r, lo / p, lc / pc}'
done
echo

echo "## Reading the city workbook: liangwei-cli import against LibreOffice's CSV conversion"
echo
# Every sheet to CSV (the last field, -1: all sheets, one file each), as the import reads
# every sheet; the timed import is of the same file into a new database.
echo "| run | wall | CPU | peak RSS |"
echo "|---|---|---|---|"
timed "soffice --convert-to csv" "$SOFFICE" --headless -env:UserInstallation=file://"$W"/lo-profile \
	--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' --outdir "$W/lo-csv" "$W/city.xlsx"
rm -f "$W/one.db" "$W/one.db"-*
timed "import city.xlsx" "$CLI" --db "$W/one.db" import "$W/city.xlsx"
echo
awk -v lc="${CPU["soffice --convert-to csv"]}" -v pc="${CPU["import city.xlsx"]}" -v lw="${SECS["soffice --convert-to csv"]}" -v pw="${SECS["import city.xlsx"]}" \
	'BEGIN {printf "- import / LibreOffice CSV: %.2f× CPU, %.2f× wall (goal: ≤ 1× CPU)\n", pc / lc, pw / lw}'
echo

for n in ${PROVINCE-620 1860}; do
	P="$W/p$n"
	PDB="$W/p$n.db"
	rm -rf "$P" "$PDB" "$PDB"-*
	echo "## Province: $n townships ($((n / 62))× the city)"
	echo
	echo "| run | wall | CPU | peak RSS |"
	echo "|---|---|---|---|"
	timed "demo --townships $n" "$CLI" demo --scale city --townships "$n" --out "$P"
	pfiles=("$P"/*.xlsx)
	timed "import $n files" "$CLI" --db "$PDB" import "${pfiles[@]}"
	timed "stats --json ($n)" "$CLI" --db "$PDB" stats --json --date "$DATE"
	timed "stats --json ($n, warm)" "$CLI" --db "$PDB" stats --json --date "$DATE"
	# check exits 1 when it finds errors; the run is timed all the same.
	timed "check ($n)" sh -c '"$0" --db "$1" check; [ $? -le 1 ]' "$CLI" "$PDB"
	timed "report summary ($n)" "$CLI" --db "$PDB" report summary --out "$W/p$n-summary.pdf" --date "$DATE"
	timed "report summary ($n, warm)" "$CLI" --db "$PDB" report summary --out "$W/p$n-summary.pdf" --date "$DATE"
	# One township's workbook imported again (as a clerk sends a corrected one): the figures
	# read that township again and take the others' shares as kept (issue 19).
	timed "import 1 file ($n)" "$CLI" --db "$PDB" import "${pfiles[0]}"
	timed "stats --json ($n, after 1 file)" "$CLI" --db "$PDB" stats --json --date "$DATE"
	timed "report summary ($n, after 1 file)" "$CLI" --db "$PDB" report summary --out "$W/p$n-summary.pdf" --date "$DATE"
	timed "report party ($n)" "$CLI" --db "$PDB" report party --out "$W/p$n-party.pdf" --date "$DATE"
	timed "report detail ($n)" "$CLI" --db "$PDB" report detail --out "$W/p$n-detail.pdf" --date "$DATE"
	timed "report members ($n)" "$CLI" --db "$PDB" report members --out "$W/p$n-members.pdf" --date "$DATE"
	# A sheet holds at most 1,048,576 rows (Excel's limit, kept by excelize): past about 21×
	# the city, the members no longer fit one workbook and export refuses; timed all the same.
	timed "export ($n)" sh -c '"$0" --db "$1" export "$2" || echo "export refused: $(tail -1 "$3")"' \
		"$CLI" "$PDB" "$W/p$n.xlsx" "$W/export ($n).err"
	echo
	tail -2 "$W/demo --townships $n.out"
	tail -1 "$W/import $n files.out"
	echo
	rm -rf "$P" "$W/p$n.xlsx" "$W"/p"$n"-*.pdf
done

if [ -x bin/liangwei ] && command -v xvfb-run >/dev/null 2>&1; then
	echo "## Desktop program start (bin/liangwei under Xvfb, to its window mapped)"
	echo
	apt_install xdotool
	cat >"$W/start.sh" <<EOF
#!/usr/bin/env bash
start=\$(date +%s.%N)
LIANGWEI_DB="$DB" "$PWD/bin/liangwei" >/dev/null 2>&1 &
pid=\$!
xdotool search --sync --onlyvisible --name '两委台账' >/dev/null
end=\$(date +%s.%N)
kill \$pid
wait \$pid 2>/dev/null || true
echo "\$start \$end" | awk '{printf "%.2f\n", \$2 - \$1}'
EOF
	chmod +x "$W/start.sh"
	for i in 1 2 3; do
		echo "- start $i: $(HOME="$W/home" xvfb-run -a -s '-screen 0 1366x768x24' "$W/start.sh") s"
	done
	echo
fi

echo "## Go benchmarks (-benchtime=1x)"
echo
echo '```'
CGO_ENABLED=0 go test -run '^$' -bench . -benchtime=1x -benchmem ./bench/ ./bench/startup/ 2>&1 | grep -E '^(Benchmark|ok|FAIL|---)'
echo '```'
