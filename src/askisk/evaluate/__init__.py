"""Evaluate: eval sets, retrieval and claim metrics."""
