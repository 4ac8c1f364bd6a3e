#!/bin/sh
# The app's own command drops root; anything else (a shell, a debugging command) runs as given.
set -e
if [ "$1" = node ] && [ "$(id -u)" = 0 ]; then
  exec setpriv --reuid=node --regid=node --init-groups "$@"
fi
exec "$@"
