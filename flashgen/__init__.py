"""flashgen: turn real Chinese texts into Anki flashcard decks.

The public API, loaded on first use (PEP 562), so that ``import flashgen`` stays
cheap and low layers can import :data:`__version__`:

>>> from flashgen import BuildConfig, Level, build
>>> BuildConfig(level=Level.ADVANCED).level.value
'advanced'

``build(paths, config)`` reads documents, segments them into words, ranks the
words by rarity, keeps those at the learner's level, annotates each with
pinyin, traditional form, definition and an example sentence from the text,
and writes one Anki package per document; it returns a :class:`BuildReport`.
The stages live in subpackages, lowest first: ``lexicon`` (reference data),
``text`` (paths to documents), ``pinyin``, ``learner`` (the learner's lists),
``words`` (segmentation to selection), ``cards`` (annotation to packages);
:mod:`flashgen.pipeline` chains them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> module that defines it
_PUBLIC = {
    "build": "flashgen.pipeline",
    "BuildReport": "flashgen.pipeline",
    "DocumentResult": "flashgen.pipeline",
    "BuildConfig": "flashgen.config",
    "KnownAnki": "flashgen.config",
    "Level": "flashgen.config",
    "Variant": "flashgen.config",
    "FlashgenError": "flashgen.errors",
}

__all__ = [
    "BuildConfig",
    "BuildReport",
    "DocumentResult",
    "FlashgenError",
    "KnownAnki",
    "Level",
    "Variant",
    "__version__",
    "build",
]

if TYPE_CHECKING:
    from flashgen.config import BuildConfig, KnownAnki, Level, Variant
    from flashgen.errors import FlashgenError
    from flashgen.pipeline import BuildReport, DocumentResult, build


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        import importlib

        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'flashgen' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
