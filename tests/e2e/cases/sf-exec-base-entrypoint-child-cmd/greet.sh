#!/bin/sh
if [ "$1" = --loud ]; then echo "HELLO FROM THE BASE IMAGE"; else echo "hello from the base image"; fi
