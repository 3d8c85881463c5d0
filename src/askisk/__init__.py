"""askisk: ask a small, trusted set of sources and see who says what.

Public names only; heavy libraries are imported lazily inside the modules that need them.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
