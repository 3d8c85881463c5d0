"""Speakers: who speaks in each passage, how (quote/reported) and why (the cue); query-side matching."""
