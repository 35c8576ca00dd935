"""Named ranges of Han characters, as regular-expression class bodies and patterns.

Each range is written once here; the differences between them are deliberate:

- :data:`UNIFIED` is the CJK Unified Ideographs block alone (U+4E00-U+9FFF),
  where nearly every character of modern running text lies. The decoder's
  "is this ordinary Chinese prose?" test and quoted-term detection use it.
- :data:`BMP` adds extension A and the compatibility ideographs: enough to tell
  a Chinese word from pinyin, English glosses and numbering in a learner's
  word list.
- :data:`ALL` adds the supplementary planes (extensions B-H): a character
  anywhere in these counts as Han for word-hood and document checks.
- :data:`WITH_PUNCTUATION` adds CJK symbols and punctuation (U+3000-U+303F)
  and the full-width forms (U+FF00-U+FFEF): characters between which Chinese
  writes no spaces, so a line break between two of them is source wrapping.

>>> bool(HAN.search("abc汉")), is_han("汉字"), is_han("汉z")
(True, True, False)
>>> bool(re.fullmatch(f"[{UNIFIED}]", "\U00020000")), bool(re.fullmatch(f"[{ALL}]", "\U00020000"))
(False, True)
"""

from __future__ import annotations

import re
from functools import cache

UNIFIED_FIRST, UNIFIED_LAST = "\u4e00", "\u9fff"
UNIFIED = f"{UNIFIED_FIRST}-{UNIFIED_LAST}"
BMP = "\u3400-\u4dbf" + UNIFIED + "\uf900-\ufaff"
ALL = BMP + "\U00020000-\U0003134f"
WITH_PUNCTUATION = "\u3000-\u303f" + BMP + "\uff00-\uffef\U00020000-\U0003134f"

HAN = re.compile(f"[{ALL}]")
ALL_HAN = re.compile(f"^[{ALL}]+$")


@cache
def is_han(word: str) -> bool:
    """True when every character of ``word`` is a Han character (cached: tokens repeat)."""
    return bool(ALL_HAN.match(word))
