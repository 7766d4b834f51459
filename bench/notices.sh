#!/usr/bin/env bash
# Notices: N personalised notices (default 1,000) with an .ics attachment, delivered by the outbox dispatcher to an
# SMTP server on loopback, against raw MailKit sending the same messages over one connection in the same run, the two
# taking turns for a few rounds, each judged by its best (goal: at least 0.7 of the raw rate, and no message twice).
# Usage: bench/notices.sh [notices=1000] [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || { echo "aiosmtpd is missing: apt-get install python3-aiosmtpd" >&2; exit 1; }
# The factory finds the web project's content root through this variable outside a test project.
export ASPNETCORE_TEST_CONTENTROOT_FORUMMANAGER_WEB="$(pwd)/src/ForumManager.Web"
dotnet run --project bench/ForumManager.Bench.Notices -c Release -- "$@"
