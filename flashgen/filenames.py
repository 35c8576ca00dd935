"""File names made from document titles: safe on Linux, macOS and Windows, and distinct.

>>> safe_filename("习近平复信：共航蔚蓝/中美青年")
'习近平复信：共航蔚蓝 中美青年'
>>> unique_names(["Deck", "deck", "Deck"])
['Deck', 'deck (2)', 'Deck (3)']
"""

from __future__ import annotations

import re
import unicodedata

FALLBACK = "untitled"

# Characters Windows forbids in file names ("/" is also the POSIX separator).
# Each run of them, and of whitespace or control characters, becomes one space.
_FORBIDDEN = re.compile(r'[/\\:*?"<>|\s\x00-\x1f\x7f-\x9f]+')

# Unicode categories dropped outright: format marks (zero-width, bidi), lone
# surrogates, private-use and unassigned code points. Controls (Cc) become spaces.
_INVISIBLE = frozenset({"Cf", "Cs", "Co", "Cn"})

# Device names Windows reserves, with or without an extension ("CON.apkg").
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{i}" for i in range(1, 10)]
    + [f"LPT{i}" for i in range(1, 10)]
)

# Most file systems allow 255 bytes per name. 240 bytes of UTF-8 leaves room for
# ".apkg" and a " (999)" suffix, and fits the default 80 Chinese characters
# (3 bytes each); for 4-byte characters (emoji, rare Han) this cap binds first.
_MAX_BYTES = 240


def safe_filename(title: str, max_len: int = 80) -> str:
    """A file name (without extension) for ``title``: at most ``max_len`` characters.

    Forbidden characters and whitespace runs become one space; invisible and
    unassigned characters go; leading dots and trailing dots and spaces
    go; Windows device names get a ``_`` suffix; nothing left gives ``"untitled"``.

    >>> safe_filename("  ..Why? A*B <test>.  ")
    'Why A B test'
    >>> safe_filename("nul"), safe_filename("???")
    ('nul_', 'untitled')
    """
    name = unicodedata.normalize("NFC", title)
    name = "".join(ch for ch in name if unicodedata.category(ch) not in _INVISIBLE)
    name = _FORBIDDEN.sub(" ", name)
    name = _trim(name.lstrip(". "))
    name = _trim(_truncate(name, max_len))
    if not name:
        return FALLBACK
    stem, dot, rest = name.partition(".")
    if stem.rstrip().upper() in _RESERVED:
        name = f"{stem.rstrip()}_{dot}{rest}"
    return name


def _trim(name: str) -> str:
    """Strip trailing dots and spaces (Windows drops them silently)."""
    return name.rstrip(". ").strip()


def _truncate(name: str, max_len: int) -> str:
    """Cut to ``max_len`` characters and ``_MAX_BYTES`` bytes of UTF-8, at a character boundary.

    >>> _truncate("学习中文", 3)
    '学习中'
    """
    name = name[:max_len]
    while len(name.encode("utf-8")) > _MAX_BYTES:
        name = name[:-1]
    return name


def unique_names(names: list[str]) -> list[str]:
    """The names, made distinct ignoring case, by appending " (2)", " (3)", ...

    First occurrences keep their name; a later duplicate gets the smallest
    number whose name is not already taken (by any input name or earlier output).
    Apply it to names without extension, so the number goes before ``.apkg``.

    >>> unique_names(["a", "a", "a (2)"])
    ['a', 'a (3)', 'a (2)']
    """
    taken = {n.casefold() for n in names}
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
            continue
        n = 2
        while f"{name} ({n})".casefold() in taken:
            n += 1
        new = f"{name} ({n})"
        taken.add(new.casefold())
        out.append(new)
    return out
