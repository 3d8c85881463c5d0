"""Index: on-disk layout and manifest, build, load, records, the dense and lexical halves."""
