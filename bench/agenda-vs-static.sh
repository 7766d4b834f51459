#!/usr/bin/env bash
# The public agenda (the latest release, served from the output cache to anonymous visitors) against a static file.
# Goal: at least 0.8 of the static figure, on one instance and on two sharing Redis (INSTANCES=2: the output cache
# then lives in Redis, so that a release evicts it on every instance).
# Usage: bench/agenda-vs-static.sh [seconds=10] [connections=32]; INSTANCES=2 bench/agenda-vs-static.sh
exec "$(dirname "$0")/page-vs-static.sh" /agenda "$@"
