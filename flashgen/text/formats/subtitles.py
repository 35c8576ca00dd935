"""Subtitles (SRT, WebVTT, ASS/SSA) as text lines, each labelled with its cue's start time.

Timing lines, cue numbers and identifiers, styling tags (``<i>``, ``<c.red>``,
``{\\an8}``), WebVTT notes, ASS drawings and dialogue dashes are dropped. A
Chinese sentence wrapped over two lines of a cue is joined; other lines of a cue
stay separate (bilingual subtitles put one language per line). A line equal to
the one before it is dropped (rolling captions repeat the previous line).
The formats are simple enough to parse here, which spares users an extra.

>>> subtitle_lines("1\\n00:00:01,500 --> 00:00:03,000\\n<i>你好</i>\\n\\n2\\n"
...                "00:01:02,000 --> 00:01:04,000\\n你好\\nHello\\n", "srt")
[('00:00:01', '你好'), ('00:01:02', 'Hello')]
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from flashgen.text.formats.archive import invalid
from flashgen.text.formats.part import Part
from flashgen.text.markup import unwrap

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_ASS_TIME = re.compile(r"^\s*(\d+):(\d{1,2}):(\d{1,2})")
# A timing line gone wrong ("00:00:01.000 -> 00:00:02", "0:01 --> x"): its cue's text is kept.
_TIMING_LIKE = re.compile(r"^\s*\d[\d:.,\s]*(?:-+\s*>|\u2192|=>)")
_LOOSE_TIME = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2})")
_VTT_META = re.compile(r"^(?:WEBVTT|NOTE|STYLE|REGION)(?:\s|$)")
_RUBY_TEXT = re.compile(r"<rt>.*?</rt>", re.S)
_TAG = re.compile(r"</?[A-Za-z][^>]*>|<\d[\d:.]*>")  # <i>, <c.red>, <v Bob>, <00:01.000>
_ASS_BLOCK = re.compile(r"\{[^}]*\}")
_ASS_DRAWING = re.compile(r"\\p([0-9]+)")
_ASS_BREAK = re.compile(r"\\[Nn]")
_DIALOGUE_DASH = re.compile(r"^[-\u2013]\s+")  # "- 好的": a speaker change, not text
Cue = tuple[str, list[str]]  # a cue's start time code and its text lines
# ASS and SSA both default to ten event fields with Start second and Text last.
_ASS_DEFAULT_FORMAT = ["layer", "start", "end", "style", "name", "ml", "mr", "mv", "effect", "text"]
# Placeholder script titles written by subtitle editors, not real titles.
_UNTITLED = frozenset({"", "default aegisub file", "<untitled>", "untitled"})


def clock(hours: str | None, minutes: str, seconds: str) -> str:
    """A time code ``HH:MM:SS`` (fractions dropped).

    >>> clock(None, "2", "5"), clock("1", "02", "03")
    ('00:02:05', '01:02:03')
    """
    return f"{int(hours or 0):02d}:{int(minutes):02d}:{int(seconds):02d}"


def _rows(text: str) -> list[str]:
    """Plain lines of a cue: wrapped Chinese joined, spaces collapsed, dashes and blanks gone.

    >>> _rows("- 今天我们去\\n北京。\\n- Let's go\\n ")
    ['今天我们去北京。', "Let's go"]
    """
    rows = (_DIALOGUE_DASH.sub("", " ".join(row.split())) for row in unwrap(text).split("\n"))
    return [row for row in rows if row]


def clean_cue(text: str) -> list[str]:
    """A SRT/VTT cue's text as plain lines: tags and ``{\\...}`` overrides removed.

    >>> clean_cue("{\\\\an8}<font color='red'>我</font>&amp;你\\n<v Bob>  Bye </v>")
    ['我&你', 'Bye']
    """
    return _rows(html.unescape(_ASS_BLOCK.sub("", _TAG.sub("", _RUBY_TEXT.sub("", text)))))


def _srt_vtt_cues(text: str) -> list[Cue]:
    """(start, lines) of each cue. Blocks are split by blank lines, and by timing lines too."""
    cues: list[Cue] = []
    for block in re.split(r"\n\s*\n", text):
        rows = block.strip("\n").split("\n")
        if _VTT_META.match(rows[0]):
            continue
        timings = [i for i, row in enumerate(rows) if _TIMING.match(row)]
        if not timings:
            broken = next((i for i, row in enumerate(rows) if _TIMING_LIKE.match(row)), None)
            if broken is not None:  # a malformed timing line: keep the cue's text all the same
                m = _LOOSE_TIME.search(rows[broken])
                start = clock(*m.group(1, 2, 3)) if m else (cues[-1][0] if cues else "00:00:00")
                cues.append((start, clean_cue("\n".join(rows[broken + 1 :]))))
                continue
            if cues and not (len(rows) == 1 and rows[0].strip().isdigit()):
                cues[-1][1].extend(clean_cue(block))  # a stray blank line inside a cue
            continue
        for n, i in enumerate(timings):
            m = _TIMING.match(rows[i])
            assert m is not None  # found by the same pattern above
            end = timings[n + 1] if n + 1 < len(timings) else len(rows)
            body = rows[i + 1 : end]
            if n + 1 < len(timings) and body and body[-1].strip().isdigit():
                body = body[:-1]  # the next cue's number, with no blank line before it
            cues.append((clock(*m.group(1, 2, 3)), clean_cue("\n".join(body))))
    return cues


def _ass_text(text: str) -> list[str]:
    r"""An ASS event's text as plain lines: overrides gone, drawings dropped, ``\N`` split.

    >>> _ass_text(r"{\i1}你好{\i0}\N{\p1}m 0 0 l 10 10{\p0}Hello\hworld")
    ['你好', 'Hello world']
    """
    kept = []
    drawing = False
    for piece in re.split(r"(\{[^}]*\})", text):
        if piece.startswith("{") and piece.endswith("}"):
            if m := _ASS_DRAWING.search(piece):
                drawing = m.group(1) != "0"
        elif not drawing:
            kept.append(piece)
    return _rows(_ASS_BREAK.sub("\n", "".join(kept)).replace("\\h", " "))


def _ass_cues(text: str) -> tuple[str, list[Cue]]:
    """The script's title and (start, lines) of each dialogue event, sorted by start."""
    title, section = "", ""
    fields = _ASS_DEFAULT_FORMAT
    timed: list[Cue] = []
    for row in text.split("\n"):
        row = row.strip()
        if row.startswith("[") and row.endswith("]"):
            section = row.lower()
            continue
        key, sep, value = row.partition(":")
        if not sep:
            continue
        key = key.strip().lower()
        if section == "[script info]" and key == "title":
            title = value.strip()
        elif section.startswith("[events") and key == "format":
            fields = [f.strip().lower() for f in value.split(",")]
        elif section.startswith("[events") and key == "dialogue":
            record = dict(zip(fields, value.split(",", len(fields) - 1), strict=False))
            m = _ASS_TIME.match(record.get("start", ""))
            if m and "text" in record:
                timed.append((clock(*m.group(1, 2, 3)), _ass_text(record["text"])))
    timed.sort(key=lambda cue: cue[0])  # stable: events of one moment keep their order
    return ("" if title.lower() in _UNTITLED else title), timed


def _parse(text: str, kind: str) -> tuple[str, list[Cue]]:
    """The title (ASS only) and cues of a subtitle file; ``kind`` is srt, vtt, ass or ssa."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return _ass_cues(text) if kind in ("ass", "ssa") else ("", _srt_vtt_cues(text))


def _labelled(cues: list[Cue]) -> list[tuple[str, str]]:
    """(start, line) pairs, a line equal to the previous one dropped."""
    out: list[tuple[str, str]] = []
    for start, lines in cues:
        for line in lines:
            if not out or out[-1][1] != line:
                out.append((start, line))
    return out


def subtitle_lines(text: str, kind: str) -> list[tuple[str, str]]:
    """(time code, line) pairs of a subtitle file; ``kind`` is its suffix without the dot."""
    return _labelled(_parse(text, kind)[1])


def read_subtitles(path: Path, text: str) -> list[Part]:
    """One part of lines labelled with time codes; text with no cue is not a subtitle file."""
    kind = path.suffix.lower().lstrip(".")
    title, cues = _parse(text, kind)
    if text.strip() and not cues:
        raise invalid(path, kind.upper(), "no timed subtitles found")
    pairs = _labelled(cues)
    return [Part(title, tuple(line for _, line in pairs), tuple(start for start, _ in pairs))]
