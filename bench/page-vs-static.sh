#!/usr/bin/env bash
# Load test: one page of the app against a static file served by the same app in the same run, on SQLite with the
# demo forum. Prints requests per second for both and their ratio.
# Usage: bench/page-vs-static.sh PATH [seconds=10] [connections=32]   (bench/home-vs-static.sh and
# bench/agenda-vs-static.sh name the path for you)
# With INSTANCES=2 the app runs as two processes on the same database sharing one Redis (redis-server on a free
# loopback port), as behind a load balancer: each figure is then both instances' together, each loaded by its own wrk
# with half the connections.
set -euo pipefail
cd "$(dirname "$0")/.."
path=${1:?usage: bench/page-vs-static.sh PATH [seconds] [connections]}
seconds=${2:-10}
connections=${3:-32}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

for tool in curl python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

instances=${INSTANCES:-1}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$work"' EXIT
dotnet publish src/ForumManager.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

# Production wants the key ring encrypted with a certificate kept outside the database: one made for this run.
export DATA_PROTECTION_CERTIFICATE_PASSWORD=$(head -c 18 /dev/urandom | base64)
scripts/make-key-certificate.sh "$work/key-ring.pfx" >/dev/null
export DataProtection__Certificate__Path="$work/key-ring.pfx"
export DataProtection__Certificate__Password="$DATA_PROTECTION_CERTIFICATE_PASSWORD"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
redis=""
if [ "$instances" -gt 1 ]; then
  command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install redis-server" >&2; exit 1; }
  redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
  pids+=($!)
  redis="127.0.0.1:$redis_port"
fi

ports=()
for i in $(seq 1 "$instances"); do
  port=$(free_port)
  ports+=("$port")
  (
    cd "$work/app"
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__Forum="Data Source=$work/forum.db" Forum__SeedDemo=true \
    Redis__Configuration="$redis" Mail__PickupDirectory="$work/mail" Logging__LogLevel__Default=Warning \
    exec dotnet ForumManager.Web.dll
  ) >"$work/app-$i.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "the app did not start:" >&2; cat "$work/app-$i.log" >&2; exit 1; }
done

measure() { # path: requests/s of every instance together, each loaded by its own wrk at once
  local per=$(( (connections + instances - 1) / instances ))
  # A warm-up long enough for tiered JIT compilation to settle, then the measured run.
  local loads=()
  for port in "${ports[@]}"; do wrk -t2 -c"$per" -d6s "http://127.0.0.1:$port$1" >/dev/null & loads+=($!); done
  wait "${loads[@]}"
  loads=()
  for port in "${ports[@]}"; do wrk -t2 -c"$per" -d"${seconds}s" "http://127.0.0.1:$port$1" >"$work/wrk-$port" & loads+=($!); done
  wait "${loads[@]}"
  cat "$work"/wrk-* | awk '/Requests\/sec/ { sum += $2 } END { printf "%.2f\n", sum }'
  rm -f "$work"/wrk-*
}

page=$(measure "$path")
static=$(measure /css/site.css)
echo "instances: $instances${redis:+ (sharing Redis)}"
echo "page $path: $page requests/s"
echo "static file: $static requests/s"
python3 -c "print(f'ratio page/static: {float($page)/float($static):.2f}')"
