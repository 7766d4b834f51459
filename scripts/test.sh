#!/usr/bin/env bash
# Runs every test in the solution and ends with "tests: N passed, N failed[, N skipped]".
# As root it first installs what the tests need; otherwise it says what is missing.
set -uo pipefail
cd "$(dirname "$0")/.."

apt_packages=(chromium fonts-noto-core fonts-noto-cjk fonts-dejavu-core poppler-utils qpdf zbar-tools libxml2-utils sqlite3 python3 tzdata curl python3-gi gir1.2-ical-3.0 redis-server)
# The browser tour installs its checkers with npm and runs the Nu HTML checker on Java: any node and java will do.
command -v npm >/dev/null || apt_packages+=(npm)
command -v java >/dev/null || apt_packages+=(default-jre-headless)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null || {
      echo "apt-get could not install: ${missing[*]}" >&2
      exit 1
    }
  else
    echo "Missing packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

dotnet tool restore >/dev/null || { echo "dotnet tool restore failed" >&2; exit 1; }

# The browser tour's checkers (axe-core, the Nu HTML checker) at the versions the lock file names.
npm ci --prefix tests/ForumManager.BrowserTests/web-checks --ignore-scripts --no-audit --no-fund --silent >/dev/null \
  || { echo "npm ci in tests/ForumManager.BrowserTests/web-checks failed" >&2; exit 1; }

results="$(pwd)/TestResults"
rm -rf "$results"
dotnet build ForumManager.sln -c Release -warnaserror -nologo -v quiet || { echo "tests: 0 passed, 1 failed (the build failed)"; exit 1; }

status=0
# Test hosts do not watch their settings files: each watcher takes one of the user's inotify instances (128 by
# default), and dozens of test apps alive at once would otherwise run out of them.
export DOTNET_hostBuilder__reloadConfigOnChange=false
dotnet test ForumManager.sln -c Release --no-build --nologo \
  --logger "trx;LogFilePrefix=results" --logger "console;verbosity=normal" \
  --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false || status=$?

summary=$(python3 - "$results" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
files = glob.glob(sys.argv[1] + "/*.trx")
for path in files:
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    # xunit's skipped tests are counted as total minus executed, not always as notExecuted.
    skipped += max(int(counters.get("notExecuted", 0)), int(counters.get("total", 0)) - int(counters.get("executed", 0)))
if failed == 0 and (not files or sys.argv[2] != "0"):
    # A test host that crashed writes no result for its tests; count that as a failure, never as a pass.
    failed += 1
line = f"tests: {passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
)
echo "$summary"
case "$summary" in
  *" 0 failed"*) [ "$status" -eq 0 ] || exit "$status" ;;
  *) exit 1 ;;
esac
