"""Sources: kb files and front matter, import of outside files, atomic kb writes, passages."""
