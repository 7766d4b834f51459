#!/usr/bin/env bash
# Writes docs/screens/*.png, the pictures of the main screens the README shows, by running the browser tour
# (PageTourTests) with FORUM_TOUR_SCREENS set. Needs what scripts/test.sh installs (chromium, fonts, node, java).
set -euo pipefail
cd "$(dirname "$0")/.."

screens="$(pwd)/docs/screens"
rm -rf "$screens"
mkdir -p "$screens"
npm ci --prefix tests/ForumManager.BrowserTests/web-checks --ignore-scripts --no-audit --no-fund --silent >/dev/null
dotnet build tests/ForumManager.BrowserTests -c Release -warnaserror -nologo -v quiet
FORUM_TOUR_SCREENS="$screens" dotnet test tests/ForumManager.BrowserTests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~PageTourTests.Should_show_every_page_finished" --logger "console;verbosity=minimal"
echo "$(find "$screens" -name '*.png' | wc -l) screens in docs/screens ($(du -sh "$screens" | cut -f1))"
