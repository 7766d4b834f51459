#!/usr/bin/env bash
# The forum's home page (three database counts, cached for 30 s, and a Razor page) against a static file.
# Usage: bench/home-vs-static.sh [seconds=10] [connections=32]
exec "$(dirname "$0")/page-vs-static.sh" / "$@"
