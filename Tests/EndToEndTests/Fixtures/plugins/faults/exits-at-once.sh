#!/bin/sh
echo "fault: giving up before reading anything" >&2
exit 3
