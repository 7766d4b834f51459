#!/usr/bin/env bash
# Capacity-limited enrolments through the real endpoint, many delegates at once on sessions with fewer seats than
# takers: the built app run as one process, then as two on the same SQLite database (and one Redis, when
# redis-server is installed), requests alternating between them. Prints enrolments a minute and the seats overbooked
# (must be 0). Goal: at least 30,000 a minute on one 2-core machine.
# Usage: bench/enrolments.sh [delegates=400] [sessions=25] [seats=150] [concurrent=64]
set -euo pipefail
cd "$(dirname "$0")/.."
export ASPNETCORE_TEST_CONTENTROOT_FORUMMANAGER_WEB="$(pwd)/src/ForumManager.Web"
dotnet build src/ForumManager.Web -c Release --nologo -v quiet >/dev/null
redis_pid=""
trap '[ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null; true' EXIT
redis_arg=()
if command -v redis-server >/dev/null; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no >/dev/null 2>&1 &
  redis_pid=$!
  sleep 0.5
  redis_arg=("127.0.0.1:$port")
  echo "instances share Redis on 127.0.0.1:$port"
fi
args=("${1:-400}" "${2:-25}" "${3:-150}" "${4:-64}" "${redis_arg[@]}")
dotnet run --project bench/ForumManager.Bench.Enrolments -c Release -- "${args[@]}"
