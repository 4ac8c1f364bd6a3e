#!/bin/sh
# Prepares the data folder, then runs the command it is given.
set -e
mkdir -p /tmp/data
exec "$@"
