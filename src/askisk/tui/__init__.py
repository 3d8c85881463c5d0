"""askisk's Textual face: the chat app over the same `Askisk` service the CLI uses.

Owns layout, keys and rendering only. Never imported by the core; the service (and with it numpy,
faiss, torch) is imported lazily inside a worker so the first frame appears at once.
"""
