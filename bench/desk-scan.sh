#!/usr/bin/env bash
# The desk: one scan decided at the desk without the network (from the list it keeps in IndexedDB) against one decided
# by the server, in Debian's Chromium on the real app (Kestrel on loopback, SQLite). Times run from the Enter key's
# press to the frame after the answer is written, measured in the page; median and p95 of each, and their ratio.
# Usage: bench/desk-scan.sh [scans-each=100] [people-in-the-list=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 1; }
# The factory finds the web project's content root through this variable outside a test project.
export ASPNETCORE_TEST_CONTENTROOT_FORUMMANAGER_WEB="$(pwd)/src/ForumManager.Web"
dotnet run --project bench/ForumManager.Bench.Desk -c Release -- "$@"
