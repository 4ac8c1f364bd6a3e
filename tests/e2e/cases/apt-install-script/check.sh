#!/bin/sh
echo '{"tool":"ok","n":3}' | jq -r '"\(.tool) \(.n)"'
