#!/usr/bin/env bash
# Registrations per second through the real /register form over HTTP (Kestrel on loopback), printed next to the
# rate at which the same machine hashes passwords in the same run: hashing is the floor each new account pays.
# Usage: bench/registrations-vs-hashing.sh [registrations=400] [concurrent=2×cores]
set -euo pipefail
cd "$(dirname "$0")/.."
# The factory finds the web project's content root through this variable outside a test project.
export ASPNETCORE_TEST_CONTENTROOT_FORUMMANAGER_WEB="$(pwd)/src/ForumManager.Web"
dotnet run --project bench/ForumManager.Bench -c Release -- "$@"
