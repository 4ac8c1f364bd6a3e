#!/bin/sh
# Installs the tools the app shells out to, from the package lists the base stage downloaded.
set -e
apt-get install -y --no-install-recommends curl
