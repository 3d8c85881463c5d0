"""Errors a user can act on. The CLI prints their message as one line; the TUI shows it in the app."""


class AskiskError(Exception):
    """Base class: the message is a complete, user-facing sentence with the fix where there is one."""


class KnowledgeBaseError(AskiskError):
    pass


class BrokenIndexError(AskiskError):
    """The index is missing, broken or built with another model."""


class InputError(AskiskError):
    pass
