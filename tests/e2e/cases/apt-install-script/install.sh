#!/bin/sh
# Installs what the tool needs. Expects package lists to be present (CI images run apt-get update first).
set -e
apt-get install -y --no-install-recommends jq
echo "installed: jq"
