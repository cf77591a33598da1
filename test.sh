#!/usr/bin/env bash
# Runs every test: unit, component (bUnit), integration (the real app on SQLite) and
# browser (Playwright on Debian's Chromium). Installs what the tests need first.
set -euo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Release}"

ensure_chromium() {
    if command -v chromium >/dev/null 2>&1 || [ -x "${AVA_E2E_CHROMIUM:-/usr/bin/chromium}" ]; then
        return
    fi
    echo "Installing Debian's chromium for the browser tests..."
    local apt=(apt-get)
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            apt=(sudo apt-get)
        else
            echo "error: the browser tests need Debian's chromium package, and this user can neither install it (not root, no passwordless sudo)." >&2
            echo "       Install it once with: sudo apt-get install -y chromium" >&2
            exit 1
        fi
    fi
    if ! { DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -qq && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq chromium >/dev/null; }; then
        echo "error: installing chromium with apt-get failed; the browser tests cannot run." >&2
        exit 1
    fi
}

ensure_chromium
command -v dotnet >/dev/null 2>&1 || { echo "error: the .NET 10 SDK (dotnet) is not on PATH." >&2; exit 1; }

dotnet tool restore >/dev/null
dotnet build Ava.sln -c "$configuration" -nologo -clp:ErrorsOnly
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test --solution Ava.sln -c "$configuration" --no-build 2>&1 | tee "$log" || status=$?

# One plain closing line for tools that read the summary rather than the exit code.
passed=$(sed -n 's/^ *succeeded: *\([0-9]*\)$/\1/p' "$log" | tail -n 1)
failed=$(sed -n 's/^ *failed: *\([0-9]*\)$/\1/p' "$log" | tail -n 1)
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
