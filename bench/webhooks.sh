#!/usr/bin/env bash
# Webhooks: N check-ins (default 5,000) through the desk's use case, each writing its checkin.created event in the
# same save, fanned out to one endpoint and posted, signed, by the app's dispatcher to a receiver on loopback; next to
# the receiver's own rate for the same bodies as plain POSTs from one HttpClient in the same run, and the ratio. Also
# the check-ins' rate with the webhook events and without them (the cost on the check-in path).
# Usage: bench/webhooks.sh [check-ins=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
# The factory finds the web project's content root through this variable outside a test project.
export ASPNETCORE_TEST_CONTENTROOT_FORUMMANAGER_WEB="$(pwd)/src/ForumManager.Web"
dotnet run --project bench/ForumManager.Bench.Webhooks -c Release -- "$@"
