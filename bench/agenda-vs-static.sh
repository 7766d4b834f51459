#!/usr/bin/env bash
# The public agenda (the latest release, served from the output cache to anonymous visitors) against a static file.
# Goal: at least 0.8 of the static figure.
# Usage: bench/agenda-vs-static.sh [seconds=10] [connections=32]
exec "$(dirname "$0")/page-vs-static.sh" /agenda "$@"
