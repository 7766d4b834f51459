#!/usr/bin/env bash
# Lines of C# per project (hand-written: migrations, obj and bin left out), as the README's table prints them.
# Usage: scripts/lines.sh [git revision]   (default: the working tree)
set -euo pipefail
cd "$(dirname "$0")/.."
root=.
if [ $# -gt 0 ]; then
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  git archive "$1" | tar -x -C "$root"
fi
for project in "$root"/src/*/ "$root"/tests/*/; do
  name=$(basename "$project")
  [ -f "$project/$name.csproj" ] || continue
  count=$(find "$project" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -not -path '*/Migrations/*' -print0 | xargs -0 cat 2>/dev/null | wc -l)
  printf '%-36s %6d\n' "$name" "$count"
done
