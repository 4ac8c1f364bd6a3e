#!/bin/sh
ls /srv/data
cat /srv/data/index.txt /srv/data/status.txt
