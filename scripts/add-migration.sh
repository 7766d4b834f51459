#!/usr/bin/env bash
# Adds a migration named $1 to both providers' assemblies and regenerates the SQL Server script in db/.
# Every model change gets a migration in both, in the same commit.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  project="src/ForumManager.Data.$provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
bash scripts/sqlserver-script.sh
