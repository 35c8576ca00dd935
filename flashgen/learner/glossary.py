"""The learner's own files in ``vocab/``: known words and the glossary. Read, never written.

- ``vocab/known.txt``: one word per line, ``#`` comments. Its words get no card
  (read by :mod:`flashgen.learner.known`, which also reads Anki and Pleco exports).
- ``vocab/glossary.tsv``: ``word<TAB>pinyin<TAB>definition``. Adds entries or
  overrides CC-CEDICT, in segmentation as well. Pinyin may be numbered
  (``xin1 zhi4``) or marked (``xīnzhì``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flashgen.errors import ConfigError
from flashgen.lexicon.han import HAN


@dataclass(frozen=True)
class GlossaryEntry:
    word: str
    pinyin: str
    definition: str


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc


def read_glossary(path: Path) -> dict[str, GlossaryEntry]:
    """The glossary: word -> entry. A malformed line is a ConfigError naming the line."""
    out: dict[str, GlossaryEntry] = {}
    for number, line in enumerate(_read(path).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not HAN.search(cols[0]):
            raise ConfigError(f"{path}:{number}: expected word<TAB>pinyin<TAB>definition")
        word = cols[0].strip()
        out[word] = GlossaryEntry(word, cols[1].strip(), cols[2].strip())
    return out
