#!/usr/bin/env bash
# Badges: N badges (default 1,000) with names in ten scripts in one PDF — milliseconds and bytes per badge after
# warm-up (goals: 2 ms and 15 KB) next to plain unshaped Skia text in the same run — and one badge at the desk
# from scan to PDF through the real app (p95 over M delegates, default 200).
# Usage: bench/badges.sh [badges=1000] [desk-scans=200]
set -euo pipefail
cd "$(dirname "$0")/.."
# The factory finds the web project's content root through this variable outside a test project.
export ASPNETCORE_TEST_CONTENTROOT_FORUMMANAGER_WEB="$(pwd)/src/ForumManager.Web"
dotnet run --project bench/ForumManager.Bench.Badges -c Release -- "$@"
