# 两委台账 — set-up and checks.
#   make run    install the desktop build packages if missing, build bin/liangwei, start it
#   make test   install what the tests need if missing, gofmt, go vet, go test (the reports, the store and the desktop also under -race), build the GUI,
#               and check that it starts (a window 两委台账 and a new database, under Xvfb)
#   make cli    build bin/liangwei-cli (pure Go, no cgo)
#   make windows  cross-build dist/liangwei.exe (cgo, mingw-w64, icon and version from
#               FyneApp.toml) and dist/liangwei-cli.exe; see scripts/windows.sh

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# Go lives in /usr/local/go on the project machines; use it when go is not on PATH.
ifeq ($(shell command -v go 2>/dev/null),)
export PATH := /usr/local/go/bin:$(PATH)
endif

GUI_PKGS  := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_PKGS := poppler-utils xvfb xauth xdotool libgl1-mesa-dri
WIN_PKGS  := gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64
ARGS ?=

# Every package but the desktop program builds and tests without cgo.
PURE_PKGS = $$(go list ./... | grep -v 'cmd/liangwei$$')

# apt_install installs the Debian/Ubuntu packages of $(1) that are not installed yet:
# quick when everything is present, one apt-get update otherwise, sudo when not root.
define apt_install
	@missing=""; \
	if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "不是 Debian/Ubuntu 系统，请自行安装：$(1)"; exit 0; \
	fi; \
	for p in $(1); do \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "安装缺少的系统软件包:$$missing"; \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi
endef

.PHONY: run test cli gui deps-gui deps-test deps-windows fmt vet unit race startup windows

run: gui
	./bin/liangwei $(ARGS)

gui: deps-gui
	CGO_ENABLED=1 go build -o bin/liangwei ./cmd/liangwei

cli:
	CGO_ENABLED=0 go build -o bin/liangwei-cli ./cmd/liangwei-cli

deps-gui:
	$(call apt_install,$(GUI_PKGS))

deps-test:
	$(call apt_install,$(TEST_PKGS))

deps-windows:
	$(call apt_install,$(WIN_PKGS))

test: deps-gui deps-test fmt vet unit race gui startup

# startup starts bin/liangwei on a fresh account under Xvfb and waits (polling, at most 15 s)
# for its window and its new database; see scripts/startup-check.sh.
startup: gui
	@echo "== 启动检查"
	bash scripts/startup-check.sh bin/liangwei

# windows writes dist/liangwei.exe and dist/liangwei-cli.exe and checks them; the resource .syso
# is generated from FyneApp.toml for the build and not kept.
windows: deps-windows
	bash scripts/windows.sh

fmt:
	@echo "== gofmt"
	@bad=$$(gofmt -l .); \
	if [ -n "$$bad" ]; then echo "这些文件未经 gofmt 格式化："; echo "$$bad"; exit 1; fi

vet:
	@echo "== go vet"
	CGO_ENABLED=0 go vet $(PURE_PKGS)
	CGO_ENABLED=1 go vet ./cmd/liangwei

unit:
	@echo "== go test"
	CGO_ENABLED=0 go test $(PURE_PKGS)

# race runs the tests of the packages that work on several goroutines under the race
# detector (cgo), which alone checks them: the reports (a long report is drawn on three
# goroutines: the reading, the drawing, the writing out of finished parts, each part a page
# template handed from one to the next), the store (a province is read on two connections,
# each township's share of the figures computed on the goroutine that read it) and the
# desktop (screens load off the window's goroutine). About four minutes on two cores; the
# fault tests make fewer kills there (data/sqlite's raceSlowdown).
race:
	@echo "== go test -race ./reports ./data/sqlite ./ui"
	CGO_ENABLED=1 go test -race ./reports ./data/sqlite ./ui
