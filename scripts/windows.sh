#!/usr/bin/env bash
# windows.sh cross-builds the Windows programs into dist/ (called by `make windows`):
#
#   dist/liangwei.exe      the desktop program: cgo with Debian's mingw-w64, GUI subsystem (no
#                          console window), with the icon, version information and manifest
#                          generated from FyneApp.toml
#   dist/liangwei-cli.exe  the command line, pure Go (CGO_ENABLED=0)
#
# The resources are compiled by go-winres (pinned, fetched through the Go module proxy; no
# go.mod change) into cmd/liangwei/rsrc_windows_amd64.syso, which only Windows builds link.
# That .syso is generated for the build and removed afterwards, so FyneApp.toml stays the one
# source of the name, version and icon, and the work tree stays clean.
#
# Then it checks what it built: PE32+ executables for x86-64, the desktop one with the GUI
# subsystem and an icon, a version resource and a manifest; the CLI one with the console
# subsystem.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

GO_WINRES=github.com/tc-hib/go-winres@v0.3.3
CC_WIN=${CC_WIN:-x86_64-w64-mingw32-gcc}
OBJDUMP_WIN=${OBJDUMP_WIN:-x86_64-w64-mingw32-objdump}
SYSO=cmd/liangwei/rsrc_windows_amd64.syso

die() { echo "make windows: $*" >&2; exit 1; }

command -v "$CC_WIN" >/dev/null || die "找不到 $CC_WIN（Debian/Ubuntu 软件包 gcc-mingw-w64-x86-64）"

# toml_value KEY prints the value of `KEY = ...` in FyneApp.toml, without quotes.
toml_value() {
	sed -n -E "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"?([^\"]*)\"?[[:space:]]*$/\1/p" FyneApp.toml | head -n 1
}
# json_string prints $1 as a JSON string; the values were checked to hold no quote or backslash.
json_string() { printf '"%s"' "$1"; }

name=$(toml_value Name)
id=$(toml_value ID)
version=$(toml_value Version)
build=$(toml_value Build)
icon=$(toml_value Icon)
[ -n "$name" ] && [ -n "$id" ] && [ -n "$icon" ] || die "FyneApp.toml 缺少 Name、ID 或 Icon"
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "FyneApp.toml 的 Version 应为 X.Y.Z，现为「$version」"
[[ ${build:-0} =~ ^[0-9]+$ ]] || die "FyneApp.toml 的 Build 应为整数，现为「$build」"
[ -f "$icon" ] || die "找不到图标 $icon"
for v in "$name" "$id"; do
	case "$v" in *'"'* | *'\'*) die "FyneApp.toml 中的值不能含引号或反斜杠：$v" ;; esac
done
# Windows versions have four parts: X.Y.Z.Build.
winver="$version.${build:-0}"

work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f "$SYSO"' EXIT
cp "$icon" "$work/icon.png"
cat >"$work/winres.json" <<EOF
{
  "RT_GROUP_ICON": {
    "APP": { "0000": "icon.png" }
  },
  "RT_MANIFEST": {
    "#1": {
      "0409": {
        "identity": { "name": $(json_string "$id"), "version": "$winver" },
        "description": $(json_string "$name"),
        "minimum-os": "win10",
        "execution-level": "as invoker",
        "dpi-awareness": "system",
        "use-common-controls-v6": true
      }
    }
  },
  "RT_VERSION": {
    "#1": {
      "0000": {
        "fixed": { "file_version": "$winver", "product_version": "$winver" },
        "info": {
          "0804": {
            "Comments": $(json_string "$id"),
            "FileDescription": $(json_string "$name"),
            "FileVersion": "$winver",
            "InternalName": "liangwei",
            "OriginalFilename": "liangwei.exe",
            "ProductName": $(json_string "$name"),
            "ProductVersion": "$version"
          }
        }
      }
    }
  }
}
EOF

echo "== 资源 ($name $winver, 图标 $icon) → $SYSO"
# go-winres runs on this machine: make sure no Windows target leaks into its build.
env -u GOOS -u GOARCH CGO_ENABLED=0 go run "$GO_WINRES" make \
	--in "$work/winres.json" --arch amd64 --out cmd/liangwei/rsrc
[ -f "$SYSO" ] || die "go-winres 没有生成 $SYSO"

mkdir -p dist
echo "== dist/liangwei.exe (cgo, $CC_WIN)"
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC="$CC_WIN" \
	go build -trimpath -ldflags "-H=windowsgui -s -w" -o dist/liangwei.exe ./cmd/liangwei
rm -f "$SYSO"
echo "== dist/liangwei-cli.exe (CGO_ENABLED=0)"
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 \
	go build -trimpath -ldflags "-s -w" -o dist/liangwei-cli.exe ./cmd/liangwei-cli

echo "== 检查"
kind=$(file -b dist/liangwei.exe)
[[ $kind == PE32+\ executable*\(GUI\)*x86-64* ]] || die "dist/liangwei.exe 不是 64 位 Windows 图形界面程序：$kind"
echo "dist/liangwei.exe: $kind"
kind=$(file -b dist/liangwei-cli.exe)
[[ $kind == PE32+\ executable*\(console\)*x86-64* ]] || die "dist/liangwei-cli.exe 不是 64 位 Windows 控制台程序：$kind"
echo "dist/liangwei-cli.exe: $kind"

# objdump prints the resource directory as a tree: types (3 RT_ICON, 14 RT_GROUP_ICON,
# 16 RT_VERSION, 24 RT_MANIFEST) indented by three spaces, their entries by five.
command -v "$OBJDUMP_WIN" >/dev/null || die "找不到 $OBJDUMP_WIN，无法检查资源（软件包 binutils-mingw-w64-x86-64）"
counts=$("$OBJDUMP_WIN" -x dist/liangwei.exe | awk '
	/Resource Directory section/ { in_rsrc = 1; next }
	!in_rsrc { next }
	/^[0-9a-f]+   Entry: ID: / { type = $4; sub(/,$/, "", type); next }
	/^[0-9a-f]+     Entry: / { n[type]++ }
	END { printf "%d %d %d %d", n["0x000003"], n["0x00000e"], n["0x000010"], n["0x000018"] }')
read -r icons groups versions manifests <<<"$counts"
[ "$icons" -ge 4 ] && [ "$groups" -ge 1 ] || die "dist/liangwei.exe 没有图标（图标 $icons 个，图标组 $groups 个）"
[ "$versions" -ge 1 ] || die "dist/liangwei.exe 没有版本信息"
[ "$manifests" -ge 1 ] || die "dist/liangwei.exe 没有清单 (manifest)"
# No UAC prompt: the manifest asks for the clerk's own rights.
LC_ALL=C grep -qa 'requestedExecutionLevel level="asInvoker"' dist/liangwei.exe ||
	die "dist/liangwei.exe 的清单没有声明 asInvoker（会弹出管理员权限提示）"
echo "资源：图标 $icons 种尺寸，图标组 $groups，版本信息 $versions，清单 $manifests"
# The version strings are UTF-16 in the resource.
strs=$(strings -el dist/liangwei.exe)
for s in "$winver" "$id" liangwei.exe; do
	grep -qxF -- "$s" <<<"$strs" || die "dist/liangwei.exe 的版本信息中没有 $s"
done
ls -l dist/liangwei.exe dist/liangwei-cli.exe
