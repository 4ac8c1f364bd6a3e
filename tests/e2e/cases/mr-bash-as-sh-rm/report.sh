#!/bin/sh
# Prints what the build left behind, for comparison between images.
for f in "$@"; do echo "== $f"; if [ -d "$f" ]; then ls -la "$f" | awk '{print $1, $3, $4, $NF}' | tail -n +2; else cat "$f"; fi; done
id
