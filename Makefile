# Merchant Console — build, run and test.
# `make run` and `make test` install what the build needs on Debian/Ubuntu first.

GO        ?= go
BIN       := build/merchant-console
PKG       := ./...
XVFB      := xvfb-run -a -s "-screen 0 1280x800x24"
# Debug builds run without the migrated_fynedo tag so a widget touched off
# Fyne's goroutine logs "*** Error in Fyne call thread" instead of hiding.
RELEASE_TAGS := migrated_fynedo

# Debian packages: cgo + GL/X11 headers for Fyne, Xvfb for the real-window
# test, D-Bus + dunst for the notification test, mingw for the Windows build.
APT_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	xvfb xauth dbus dunst imagemagick gcc-mingw-w64-x86-64

.PHONY: all deps build run test test-go smoke notifications bench bench-scale lint package windows clean

all: build

## deps: install missing Debian/Ubuntu packages (apt as root or with sudo).
deps:
	@./scripts/install-deps.sh $(APT_PACKAGES)

## build: the debug binary in build/.
build: deps
	$(GO) build -o $(BIN) .

## run: build and start the console (on the built-in sandbox when no account is configured).
run: build
	./$(BIN)

## test: vet, race-enabled tests, the real-window smoke test and the Windows cross-build.
test: deps
	$(GO) vet $(PKG)
	$(GO) test -race -count=1 -timeout 30m $(PKG)
	$(MAKE) --no-print-directory smoke
	$(MAKE) --no-print-directory notifications
	$(MAKE) --no-print-directory windows

## smoke: start the real app under Xvfb, visit every screen, save screenshots in build/screenshots.
smoke: deps
	@if [ -f app/smoke_test.go ]; then \
		$(XVFB) $(GO) test -count=1 -tags smoke -run TestSmoke -timeout 10m ./app/ ; \
	else echo "smoke: no smoke test yet"; fi

## notifications: the desktop-notification tests, each in its own
## dbus-run-session with dunst under Xvfb: what is sent (urgency, timeout,
## actions, icon), the summary of a first sync, the open action. Here a
## missing dunst or dbus-run-session fails the step instead of skipping.
notifications: deps
	DESKTOP_TEST_REQUIRED=1 $(GO) test -count=1 -run 'TestDesktopNotifications|TestNotifierThroughDunst' -timeout 10m ./service/ ./notify/

## bench: the benchmarks whose figures BENCHMARKS.md records (under Xvfb:
## the launch benchmark opens a real window).
bench: deps
	$(XVFB) $(GO) test -run '^$$' -bench . -benchmem -benchtime 3x -timeout 60m $(PKG)

## bench-scale: the 1M-order world, each figure beside the 100k run of the
## same benchmark in the same run (BENCHMARKS.md, "Scale"). The last three
## launch the real window on the 100k and the 1M cache under Xvfb (their
## caches are synced once and kept in $$TMPDIR, keyed by scale and schema),
## and on a 100k cache syncing online for an hour compressed into 10 min;
## needs ~5 GB of disk in $$TMPDIR and ~2 GB of memory, and takes minutes.
bench-scale: deps
	LOCALSTORE_BENCH_SCALE=1 $(GO) test -run '^$$' -bench '^BenchmarkScale$$' -benchtime 1x -timeout 60m ./localstore/
	REPORTS_BENCH_SCALE=1 $(GO) test -run '^$$' -bench '^BenchmarkExportFromCacheScale$$' -benchtime 1x -timeout 60m ./reports/
	SYNCER_BENCH_SCALE=1 $(GO) test -run '^$$' -bench '^BenchmarkInitialSyncScale$$' -benchtime 1x -timeout 60m ./syncer/
	MERCHANT_CONSOLE_LAUNCH_LISTS=1 $(XVFB) $(GO) test -run '^$$' -bench '^BenchmarkLaunchToOverview100k$$' -benchtime 3x -timeout 60m ./app/
	MERCHANT_CONSOLE_LAUNCH_LISTS=1 MERCHANT_CONSOLE_LAUNCH_SCALE=10 $(XVFB) $(GO) test -run '^$$' -bench '^BenchmarkLaunchToOverview100k$$' -benchtime 3x -timeout 60m ./app/
	MERCHANT_CONSOLE_HOUR_WALL=10m $(XVFB) $(GO) test -run '^$$' -bench '^BenchmarkWindowAfterAnHourOfSyncing$$' -benchtime 1x -timeout 60m ./app/

## lint: formatting and static checks.
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "not gofmt-formatted:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKG)
	@if command -v staticcheck >/dev/null 2>&1; then staticcheck $(PKG); else echo "staticcheck not installed: go install honnef.co/go/tools/cmd/staticcheck@latest"; fi

## windows: cross-compile the Windows executable (catches Windows-only breaks).
windows: deps
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags $(RELEASE_TAGS) -ldflags "-H=windowsgui" -o build/windows/merchant-console.exe .

## package: the Linux release package, built with the fyne CLI pinned in tools/go.mod.
# fyne package bumps Details.Build in FyneApp.toml on every run; the copy put
# back afterwards keeps a packaging run from dirtying the tree.
package: deps
	@mkdir -p build/package && cp FyneApp.toml build/FyneApp.toml.orig
	$(GO) tool -modfile=tools/go.mod fyne package --os linux --release --tags $(RELEASE_TAGS); \
		status=$$?; cp build/FyneApp.toml.orig FyneApp.toml; exit $$status
	mv -f "Merchant Console.tar.xz" build/package/merchant-console-linux-amd64.tar.xz
	@echo "package: build/package/merchant-console-linux-amd64.tar.xz"

clean:
	rm -rf build
