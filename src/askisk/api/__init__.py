"""askisk over HTTP (`askisk serve`): a FastAPI app over one shared, live-refreshed service.

Imported only by `askisk serve` and its tests: the one-shot CLI path never loads the web framework.
"""
