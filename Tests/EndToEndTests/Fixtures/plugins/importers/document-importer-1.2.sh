#!/bin/sh
# The document importer as a plugin that answers protocolMinor 2, and so may not send a document.
MINOR=2 exec "$(dirname "$0")/document-importer.sh"
