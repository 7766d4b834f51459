#!/usr/bin/env bash
# Load test: one page of the app against a static file served by the same app in the same run, on SQLite with the
# demo forum. Prints requests per second for both and their ratio.
# Usage: bench/page-vs-static.sh PATH [seconds=10] [connections=32]   (bench/home-vs-static.sh and
# bench/agenda-vs-static.sh name the path for you)
set -euo pipefail
cd "$(dirname "$0")/.."
path=${1:?usage: bench/page-vs-static.sh PATH [seconds] [connections]}
seconds=${2:-10}
connections=${3:-32}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

for tool in curl python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

work=$(mktemp -d)
app_pid=""
trap '[ -n "$app_pid" ] && { kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; }; rm -rf "$work"' EXIT
dotnet publish src/ForumManager.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

# Production wants the key ring encrypted with a certificate kept outside the database: one made for this run.
export DATA_PROTECTION_CERTIFICATE_PASSWORD=$(head -c 18 /dev/urandom | base64)
scripts/make-key-certificate.sh "$work/key-ring.pfx" >/dev/null
export DataProtection__Certificate__Path="$work/key-ring.pfx"
export DataProtection__Certificate__Password="$DATA_PROTECTION_CERTIFICATE_PASSWORD"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
(
  cd "$work/app"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__Forum="Data Source=$work/forum.db" Forum__SeedDemo=true \
  Mail__PickupDirectory="$work/mail" Logging__LogLevel__Default=Warning \
  exec dotnet ForumManager.Web.dll
) >"$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "the app did not start:" >&2; cat "$work/app.log" >&2; exit 1; }

measure() {
  # A warm-up long enough for tiered JIT compilation to settle, then the measured run.
  wrk -t2 -c"$connections" -d6s "$1" >/dev/null
  wrk -t2 -c"$connections" -d"${seconds}s" "$1" | awk '/Requests\/sec/ { print $2 }'
}

page=$(measure "http://127.0.0.1:$port$path")
static=$(measure "http://127.0.0.1:$port/css/site.css")
echo "page $path: $page requests/s"
echo "static file: $static requests/s"
python3 -c "print(f'ratio page/static: {float($page)/float($static):.2f}')"
