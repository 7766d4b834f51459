#!/usr/bin/env bash
# Response times of the organizers' overview pages on a fresh SQLite database seeded with N delegates (default
# 20,000): the dashboard, the delegate list and every report (printable page, CSV and XLSX), each requested R times
# (default 40) one after another by a signed-in organizer after a warm-up. Prints p50 and p95 per URL and whether the
# p95 is under the goal: 100 ms, or 250 ms from 100,000 delegates (or the goal given); exits 1 when any is not.
# Usage: bench/dashboard.sh [delegates=20000] [requests=40] [goal-ms]
set -euo pipefail
cd "$(dirname "$0")/.."
delegates=${1:-20000}
requests=${2:-40}
if [ "$delegates" -ge 100000 ]; then default_goal=250; else default_goal=100; fi
goal=${3:-$default_goal}
for tool in curl python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

work=$(mktemp -d)
app_pid=""
trap '[ -n "$app_pid" ] && { kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; }; rm -rf "$work"' EXIT
dotnet publish src/ForumManager.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
# Production wants the key ring encrypted with a certificate kept outside the database: one made for this run.
export DATA_PROTECTION_CERTIFICATE_PASSWORD=$(head -c 18 /dev/urandom | base64)
scripts/make-key-certificate.sh "$work/key-ring.pfx" >/dev/null
export DataProtection__Certificate__Path="$work/key-ring.pfx"
export DataProtection__Certificate__Password="$DATA_PROTECTION_CERTIFICATE_PASSWORD"
export ConnectionStrings__Forum="Data Source=$work/forum.db"
export Mail__PickupDirectory="$work/mail"
export Logging__LogLevel__Default=Warning
export Forum__SeedDemo=false

email="bench-organizer@forum.test"
password="correct horse battery staple"
[[ "$goal" =~ ^[0-9]+$ ]] || { echo "the goal is a whole number of milliseconds, not '$goal'" >&2; exit 2; }
echo "goal: p95 under $goal ms; load average before seeding:$(uptime | sed 's/.*load average://')"
seed_start=$(date +%s)
(cd "$work/app" && dotnet ForumManager.Web.dll seed-demo --delegates "$delegates") >"$work/seed.log" 2>&1 \
  || { echo "seeding failed:" >&2; cat "$work/seed.log" >&2; exit 1; }
echo "seeded $delegates delegates in $(( $(date +%s) - seed_start )) s"
(cd "$work/app" && printf '%s\n' "$password" | dotnet ForumManager.Web.dll add-user --email "$email" --role Organizer) >"$work/user.log" 2>&1 \
  || { echo "add-user failed:" >&2; cat "$work/user.log" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
(
  cd "$work/app"
  ASPNETCORE_URLS="$base" exec dotnet ForumManager.Web.dll
) >"$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 120); do
  curl -fs "$base/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$base/health" >/dev/null || { echo "the app did not start:" >&2; cat "$work/app.log" >&2; exit 1; }

# Sign in through the real form, antiforgery token and cookies included.
jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Identity/Account/Login" \
  | python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=$email" \
  --data-urlencode "Input.Password=$password" "$base/Identity/Account/Login")
[ "$status" = "302" ] || { echo "sign-in answered $status" >&2; exit 1; }

# Fill the hotels and the pickups as organizers would, so that the pages below have rooms and seats to count.
post_form() { # page handler [field=value...]
  local page=$1 handler=$2; shift 2
  local form_token
  form_token=$(curl -fs -b "$jar" "$base$page" \
    | python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
  local args=(--data-urlencode "__RequestVerificationToken=$form_token")
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  local sep='?'; [[ "$page" == *\?* ]] && sep='&'
  curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${args[@]}" "$base$page${sep}handler=$handler"
}
start=$(date +%s.%N)
[ "$(post_form /admin/hotels Allocate)" = "302" ] || { echo "allocation failed" >&2; exit 1; }
housed=$(python3 -c "import sqlite3; print(sqlite3.connect('$work/forum.db').execute('select count(*) from RoomOccupants').fetchone()[0])")
echo "allocated rooms to $housed delegates in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
start=$(date +%s.%N)
for day in 2010-06-21 2010-06-22 2010-06-23; do
  [ "$(post_form "/admin/transfers?day=$day" Plan Window=60 Allowance=45)" = "302" ] || { echo "planning waves on $day failed" >&2; exit 1; }
done
waves=$(python3 -c "import sqlite3; print(sqlite3.connect('$work/forum.db').execute('select count(*) from PickupWaves').fetchone()[0])")
echo "grouped three days of arrivals into $waves waves in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"

urls=(/admin /admin/delegates /admin/reports /admin/hotels /admin/hotels/1 "/admin/transfers?day=2010-06-22")
for report in dietary accessibility interpretation delegations; do
  urls+=("/admin/reports/$report" "/admin/reports/$report.csv" "/admin/reports/$report.xlsx")
done

failed=0
for url in "${urls[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base$url")
  [ "$code" = "200" ] || { echo "$url answered $code" >&2; failed=1; continue; }
  for _ in $(seq 1 5); do curl -s -o /dev/null -b "$jar" "$base$url"; done
  times=$(for _ in $(seq 1 "$requests"); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$base$url"; done)
  line=$(python3 - "$url" <<EOF
import sys
times = sorted(float(t) * 1000 for t in """$times""".split())
p50 = times[len(times) // 2]
p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
goal = $goal
print(f"{sys.argv[1]:<40} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {f'under {goal} ms' if p95 < goal else f'OVER {goal} ms'}")
EOF
)
  echo "$line"
  [[ "$line" == *"OVER"* ]] && failed=1
done
echo "load average after the requests:$(uptime | sed 's/.*load average://')"
exit $failed
