"""Errors flashgen raises on purpose. The CLI turns each into a one-line message."""

from __future__ import annotations


class FlashgenError(Exception):
    """Base class: a problem the user can act on, with a one-line message."""


class InputError(FlashgenError):
    """A document could not be read or decoded. The message names the file."""


class OutputError(FlashgenError):
    """A deck could not be written (for example, the output folder is not writable)."""


class ConfigError(FlashgenError):
    """An option or a user file (word list, glossary) is invalid."""


class MissingExtraError(FlashgenError):
    """An optional dependency needed for one input format is not installed."""
