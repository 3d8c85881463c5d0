"""Verify: claim -> Verdict, from retrieved evidence and claim features."""
