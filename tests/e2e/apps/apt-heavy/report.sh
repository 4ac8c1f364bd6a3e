#!/bin/sh
# Prints the versions of the tools the image installed, one per line.
set -e
echo "jq: $(jq --version)"
echo "curl: $(curl --version | head -n 1 | cut -d' ' -f1-2)"
echo "tree: $(tree --version | cut -d' ' -f1-2)"
echo "file: $(file --version | head -n 1)"
echo "less: $(less --version | head -n 1 | cut -d' ' -f1-2)"
echo '{"tools":["jq","curl","tree","file","less"]}' | jq -c '{count: (.tools | length)}'
echo "apt-heavy: ok"
