"""Errors that carry their own exit code, so the CLI can answer in one line."""

from __future__ import annotations

EXIT_OK = 0
EXIT_RULE_BROKEN = 1
EXIT_USAGE = 2
EXIT_MODEL = 3


class PartingError(Exception):
    """Base class: a message fit for one line on stderr and the exit code to use."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(PartingError):
    """The text or the options given cannot be worked on (empty, binary, unknown value)."""


class UnsupportedLanguageError(InputError):
    """The text is in a language parting does not write or judge."""


class ModelError(PartingError):
    """The language model could not be used; the message names the fix."""

    exit_code = EXIT_MODEL
