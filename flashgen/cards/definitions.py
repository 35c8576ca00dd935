"""CC-CEDICT senses to the card's Definition and Classifier HTML (and the other glosses).

CC-CEDICT packs measure words and cross references into its senses in a
machine format (``CL:個|个[ge4]``, ``variant of 體|体[ti3]``). Learners get
them in their own script with tone marks, the classifier in its own field, and
the long tail of senses folded away.

>>> format_definition(["apple", "CL:個|个[ge4],顆|颗[ke1]"])
('apple', '个 gè, 颗 kē')
>>> format_definition(["to finish", "variant of 瞭|了[liao3]"], script="traditional")
('to finish; variant of 瞭 liǎo', '')
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from flashgen.lexicon.modern import SOURCE_MARK
from flashgen.pinyin.spelling import numbered_to_marks

SCRIPTS = ("simplified", "traditional")

# A reference: ``TRAD|SIMP[pin1 yin1]`` or ``SAME[pin1 yin1]``. Hanzi runs stop
# at spaces, brackets, pipes and the punctuation CC-CEDICT puts around them.
_FORM = r"[^\s\[\]|,:;/()]+"
_REFERENCE = re.compile(rf"(?P<first>{_FORM})(?:\|(?P<second>{_FORM})?)?\[(?P<pinyin>[^\[\]]+)\]")
# A pair without reading, as in ``also written 三疊紀|三叠纪``.
_PAIR = re.compile(rf"(?P<first>{_FORM})\|(?P<second>{_FORM})")
# A bare reading, as in ``Taiwan pr. [xing4]``.
_BARE_READING = re.compile(r"(?<![^\s(])\[(?P<pinyin>[A-Za-z:0-9 ]+)\]")
_CLASSIFIER = "CL:"
_INLINE_CLASSIFIER = re.compile(r"\s*\(CL:(?P<list>[^()]*)\)|;\s*CL:(?P<tail>[^;()]*)$")

# Cards are read in seconds: four senses cover the common meanings of nearly
# every word (1-3 for most); entries such as 打 or 门 have 17-21.
DEFAULT_MAX_SENSES = 4


def _check_script(script: str) -> None:
    if script not in SCRIPTS:
        raise ValueError(f"script must be one of {SCRIPTS}, not {script!r}")


def _reference(match: re.Match[str], script: str) -> str:
    """One matched reference as ``hanzi pinyin`` in the learner's script."""
    first, second = match.group("first"), match.group("second")
    hanzi = second if second and script == "simplified" else first
    return f"{hanzi} {numbered_to_marks(match.group('pinyin'))}"


def resolve_references(sense: str, script: str = "simplified") -> str:
    """A raw sense with every reference rewritten for learners, HTML-escaped.

    >>> resolve_references("see 瞭|了[liao3]")
    'see 了 liǎo'
    >>> resolve_references("used in 葡萄[pu2 tao5]")
    'used in 葡萄 pútao'
    >>> resolve_references("capable; Taiwan pr. [xing4] <formal>")
    'capable; Taiwan pr. xìng &lt;formal&gt;'
    """
    _check_script(script)
    if "[" not in sense and "|" not in sense:
        return html.escape(sense, quote=False)  # nothing to resolve (most senses)
    out = []
    pos = 0
    for m in _REFERENCE.finditer(sense):
        out.append(_plain_part(sense[pos : m.start()], script))
        out.append(html.escape(_reference(m, script), quote=False))
        pos = m.end()
    out.append(_plain_part(sense[pos:], script))
    return "".join(out)


def _plain_part(text: str, script: str) -> str:
    """Escape text between references; resolve reading-less pairs and bare readings.

    >>> _plain_part("also written 三疊紀|三叠纪; Taiwan pr. [xing4]", "simplified")
    'also written 三叠纪; Taiwan pr. xìng'
    """
    pick = 2 if script == "simplified" else 1
    text = _PAIR.sub(lambda m: m.group(pick), text)
    escaped = html.escape(text, quote=False)
    return _BARE_READING.sub(lambda m: numbered_to_marks(m.group("pinyin")), escaped)


def _split_classifier(sense: str) -> tuple[str, str]:
    """A sense without its measure words, and the raw measure-word list.

    CC-CEDICT writes them as a sense of their own or, in newer entries, inline.

    >>> _split_classifier("CL:本[ben3],冊|册[ce4]")
    ('', '本[ben3],冊|册[ce4]')
    >>> _split_classifier("potato (CL:個|个[ge4])")
    ('potato', '個|个[ge4]')
    >>> _split_classifier("frog; CL:隻|只[zhi1]")
    ('frog', '隻|只[zhi1]')
    """
    sense = sense.strip()
    if sense.startswith(_CLASSIFIER):
        return "", sense[len(_CLASSIFIER) :]
    inline = _INLINE_CLASSIFIER.search(sense)
    if inline is None:
        return sense, ""
    rest = (sense[: inline.start()] + sense[inline.end() :]).strip()
    return rest, inline.group("list") or inline.group("tail")


def classifiers(senses: Sequence[str], script: str = "simplified") -> list[str]:
    """Measure words named by ``CL:`` senses, in order, without repeats.

    >>> classifiers(["gate", "CL:扇[shan4]", "CL:個|个[ge4]"], "traditional")
    ['扇 shàn', '個 gè']
    """
    _check_script(script)
    found: list[str] = []
    for sense in senses:
        for m in _REFERENCE.finditer(_split_classifier(sense)[1]):
            item = _reference(m, script)
            if item not in found:
                found.append(item)
    return found


def format_definition(
    senses: Sequence[str],
    *,
    script: str = "simplified",
    max_senses: int = DEFAULT_MAX_SENSES,
) -> tuple[str, str]:
    """The Definition and Classifier fields (HTML) of one CC-CEDICT entry.

    The first ``max_senses`` senses are joined with ``"; "``; the rest go into a
    ``<details class="more">`` fold, which every Anki client renders (and which
    shows all senses where ``<details>`` is unknown). Repeated senses are dropped.

    >>> format_definition(["a", "b", "c"], max_senses=2)
    ('a; b<details class="more"><summary>more</summary>c</details>', '')
    """
    _check_script(script)
    shown: list[str] = []
    for sense in senses:
        sense = _split_classifier(sense)[0]
        if not sense:
            continue
        text = resolve_references(sense, script)
        if text not in shown:
            shown.append(text)
    head = "; ".join(shown[:max_senses])
    tail = "; ".join(shown[max_senses:])
    if tail:
        head += f'<details class="more"><summary>more</summary>{tail}</details>'
    return head, html.escape(", ".join(classifiers(senses, script)), quote=False)


def format_composed(parts: Sequence[tuple[str, str]]) -> str:
    """A gloss built from the parts of a word CC-CEDICT lacks.

    Each part's hanzi sit in a ``hz`` span so the Recall card can blank them
    (they would give the answer away).

    >>> format_composed([("新质", "new quality"), ("生产力", "productive forces")])
    '<span class="composed">≈ <span class="hz">新质</span> (new quality) + \
<span class="hz">生产力</span> (productive forces)</span>'
    """
    pieces = [
        f'<span class="hz">{html.escape(part, quote=False)}</span>'
        + (f" ({html.escape(gloss, quote=False)})" if gloss else "")
        for part, gloss in parts
    ]
    return f'<span class="composed">≈ {" + ".join(pieces)}</span>'


def format_lexicon(gloss: str) -> str:
    """A gloss from flashgen's own lexicon, marked with its source.

    >>> format_lexicon("carbon peak (policy term)")
    'carbon peak (policy term) <small class="source">(flashgen lexicon)</small>'
    """
    return f'{html.escape(gloss, quote=False)} <small class="source">({SOURCE_MARK})</small>'
