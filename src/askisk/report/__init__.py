"""Report: citable reports (Markdown, JSON) and writing them safely."""
