"""Search: the query scope (filters) and fusion of dense and lexical rankings into Hits."""
