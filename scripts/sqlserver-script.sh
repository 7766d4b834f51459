#!/usr/bin/env bash
# Writes db/sqlserver/forum.sql: the idempotent SQL Server script of every migration, for DBAs who apply it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/ForumManager.Data.SqlServer
dotnet ef migrations script --idempotent --project "$project" --startup-project "$project" --output db/sqlserver/forum.sql
