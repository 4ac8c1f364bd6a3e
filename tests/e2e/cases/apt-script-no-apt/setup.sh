#!/bin/sh
set -e
mkdir -p /opt/svc/data
printf '{"name":"svc-%s"}\n' prod > /opt/svc/config.json
