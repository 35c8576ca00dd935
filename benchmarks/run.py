"""Benchmark flashgen against plain jieba (issue 5): wall time and peak memory.

Every case runs in a fresh child process (``sys.executable``), so the figures
include interpreter start-up, imports and dictionary loads, as a user sees them.
Wall time is measured around the child; peak memory is the child's own
``ru_maxrss`` as returned by ``os.wait4`` (exact per child, unlike deltas of
``RUSAGE_CHILDREN``).

Cases:
  A  flashgen build --level advanced on the Lu Xun collection (13 books)
  B  plain jieba.lcut over the same files (default settings: HMM=True,
     cut_all=False), dictionary load included
  C  flashgen build on the seed text alone (new process, warm user cache);
     an empty-cache first run is also printed, as information
  D  python -c "import jieba; jieba.lcut('中文')"
  E  A on a corpus N times larger (the 13 books copied N times, N=10)

Usage (from the checkout; ``../shared`` sits beside it):
  python benchmarks/run.py [--runs 3] [--cases A,B,C,D,E] [--quick]
  python benchmarks/run.py --profile      # case A under pyinstrument, in one process
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
SHARED = CHECKOUT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "luxun"
DEFAULT_SEED = SHARED / "corpus" / "seed" / "000_8594340499d60f29.txt"
PROFILE_DIR = CHECKOUT / "benchmarks" / "out"

# The targets of issue 5. E/A's target is the scale factor itself: ten times
# the text may take at most ten times as long (no worse than linear).
TARGET_A_OVER_B = 1.0
TARGET_C_OVER_D = 1.5
TARGET_E_PEAK_MB = 600.0
SCALE = 10
QUICK_SCALE = 3  # --quick: enough copies to see the trend, fast enough to smoke-test

# Case B's child: read every .txt file and cut it with jieba's defaults.
JIEBA_CORPUS = """\
import pathlib, sys
import jieba
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    jieba.lcut(path.read_text(encoding="utf-8"))
"""
JIEBA_BARE = "import jieba; jieba.lcut('中文')"
HEADER = "case  median s    min s    max s    CPU s  peak MB  what"


@dataclass(frozen=True)
class Sample:
    """One child run: wall seconds, CPU seconds (user + system), peak RSS in MB (MiB)."""

    seconds: float
    cpu: float
    peak_mb: float


@dataclass(frozen=True)
class Case:
    """A benchmark case: the child's argv, and a hook run (untimed) before each run."""

    name: str
    label: str
    argv: list[str]
    prepare: Callable[[], None] = lambda: None
    env: dict[str, str] | None = None


def peak_mb(ru_maxrss: int) -> float:
    """``ru_maxrss`` in MiB: Linux reports KiB, macOS bytes.

    >>> round(peak_mb(204800), 1) if sys.platform != "darwin" else 200.0
    200.0
    """
    return ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for children: this checkout first on ``PYTHONPATH``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(CHECKOUT), env.get("PYTHONPATH", "")) if p)
    env.update(extra or {})
    return env


def measure(argv: list[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Run ``argv`` to completion; its wall time and peak RSS. Exits on failure."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            log.seek(0)
            tail = log.read()[-3000:].decode("utf-8", "replace")
            sys.exit(f"benchmark child failed (exit {proc.returncode}): {argv}\n{tail}")
    return Sample(seconds, usage.ru_utime + usage.ru_stime, peak_mb(usage.ru_maxrss))


def count_chars(folder: Path) -> int:
    """Characters (code points, after UTF-8 decoding) in the folder's .txt files."""
    return sum(len(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt"))


def replicate(corpus: Path, dest: Path, times: int) -> Path:
    """Copy every book of ``corpus`` ``times`` times under distinct names into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(corpus.glob("*.txt")):
        for i in range(times):
            shutil.copyfile(path, dest / f"{path.stem}-{i + 1:02d}.txt")
    return dest


def flashgen_build(paths: list[Path], out: Path) -> list[str]:
    """argv for ``flashgen build --level advanced`` without the console script."""
    return [
        sys.executable,
        "-m",
        "flashgen",
        "build",
        *map(str, paths),
        "--level",
        "advanced",
        "--out",
        str(out),
    ]


def fresh(folder: Path) -> Callable[[], None]:
    """A prepare hook that empties an output folder between runs."""
    return lambda: shutil.rmtree(folder, ignore_errors=True)


def run_once(case: Case, i: int, runs: int, cwd: Path) -> Sample:
    """Run ``i`` (from 0) of ``runs`` of one case, printed as it finishes."""
    case.prepare()
    s = measure(case.argv, cwd, child_env(case.env))
    print(
        f"  {case.name} run {i + 1}/{runs}: {s.seconds:7.2f} s wall  {s.cpu:7.2f} s CPU"
        f"  {s.peak_mb:6.0f} MB",
        flush=True,
    )
    return s


def run_interleaved(cases: list[Case], runs: int, cwd: Path) -> dict[str, list[Sample]]:
    """``runs`` rounds, each running every case once (A B C D, A B C D, ...).

    A machine's speed drifts (by 10% within an hour, measured on the 2-core
    machine the README quotes); run by run in turn, the two cases of a ratio
    see the same drift, where runs case by case could be minutes apart.
    """
    samples: dict[str, list[Sample]] = {c.name: [] for c in cases}
    for i in range(runs):
        for case in cases:
            samples[case.name].append(run_once(case, i, runs, cwd))
    return samples


def row(name: str, label: str, samples: list[Sample]) -> str:
    """One table row: median, min and max wall seconds, median CPU seconds, highest peak RSS."""
    secs = [s.seconds for s in samples]
    cpu = statistics.median(s.cpu for s in samples)
    peak = max(s.peak_mb for s in samples)
    return (
        f"{name:<4} {statistics.median(secs):>9.2f} {min(secs):>8.2f} {max(secs):>8.2f}"
        f" {cpu:>8.2f} {peak:>8.0f}  {label}"
    )


def verdict(name: str, value: float | None, target: float, unit: str = "") -> str:
    """One ratio line with its target and PASS/FAIL (``n/a`` when a case was skipped)."""
    if value is None:
        return f"{name:<10} {'n/a':>8}        target <= {target:g}{unit}"
    status = "PASS" if value <= target else "FAIL"
    return f"{name:<10} {value:>8.2f}{unit:<3}    target <= {target:g}{unit}  {status}"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="timed runs per case (median reported)")
    ap.add_argument("--runs-e", type=int, default=None, help="runs for case E (default --runs)")
    ap.add_argument("--cases", default="A,B,C,D,E", help="comma-separated subset of A,B,C,D,E")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt books")
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="the seed text")
    ap.add_argument(
        "--quick",
        action="store_true",
        help=f"smoke test: E with {QUICK_SCALE}x instead of {SCALE}x, one run each",
    )
    ap.add_argument(
        "--profile",
        action="store_true",
        help="profile case A (--jobs 1) under pyinstrument into benchmarks/out/ and exit",
    )
    args = ap.parse_args(argv)
    args.cases = [c.strip().upper() for c in args.cases.split(",") if c.strip()]
    unknown = set(args.cases) - set("ABCDE")
    if unknown:
        ap.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    if args.quick:
        args.runs = 1
    args.scale = QUICK_SCALE if args.quick else SCALE
    args.runs_e = 1 if args.quick else (args.runs_e or args.runs)
    for path in (args.corpus, args.seed):
        if not path.exists():
            ap.error(f"{path}: not found (the shared folder should sit beside the checkout)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="flashgen-bench-") as tmp:
        work = Path(tmp)
        cwd = work / "cwd"  # an empty working folder: no vocab/ of the user's is picked up
        cwd.mkdir()
        if args.profile:
            from profile_a import profile_case_a  # benchmarks/profile_a.py, beside this file

            # In one process (--jobs 1): a sampling profiler sees only the process
            # it runs in, and with workers the main one mostly waits for them.
            argv = [*flashgen_build([args.corpus], work / "out"), "--jobs", "1"]
            return profile_case_a(argv, cwd, child_env(), PROFILE_DIR)
        return benchmark(args, work, cwd)


def benchmark(args: argparse.Namespace, work: Path, cwd: Path) -> int:
    seed_dir = work / "seed"
    seed_dir.mkdir()
    seed = Path(shutil.copy(args.seed, seed_dir / args.seed.name))
    big = work / f"corpus-{args.scale}x"
    cases = {
        "A": Case(
            "A",
            f"flashgen build --level advanced, {args.corpus.name}",
            flashgen_build([args.corpus], work / "out-A"),
            fresh(work / "out-A"),
        ),
        "B": Case(
            "B",
            "jieba.lcut(text) per file, defaults (HMM=True, cut_all=False)",
            [sys.executable, "-c", JIEBA_CORPUS, str(args.corpus)],
        ),
        "C": Case(
            "C",
            "flashgen build --level advanced, seed text, warm cache",
            flashgen_build([seed], work / "out-C"),
            fresh(work / "out-C"),
        ),
        "D": Case("D", f'python -c "{JIEBA_BARE}"', [sys.executable, "-c", JIEBA_BARE]),
        "E": Case(
            "E",
            f"A on {args.scale}x the corpus",
            flashgen_build([big], work / "out-E"),
            fresh(work / "out-E"),
        ),
    }
    print(f"python {sys.version.split()[0]} ({sys.executable}); checkout {CHECKOUT}")
    print(
        f"corpus {args.corpus} ({count_chars(args.corpus):,} characters); "
        f"runs {args.runs} (E: {args.runs_e})",
        flush=True,
    )

    # Warm-up, untimed: "cold start" means a new process, not an empty cache.
    cold = None
    if "C" in args.cases:
        empty = work / "empty-cache"
        cases["C"].prepare()
        cold = measure(cases["C"].argv, cwd, child_env({"FLASHGEN_CACHE_DIR": str(empty)}))
    if set(args.cases) & set("ACE"):
        cases["C"].prepare()
        measure(cases["C"].argv, cwd, child_env())  # fills the user's flashgen cache
    measure(cases["D"].argv, cwd, child_env())  # fills jieba's own cache, compiles .pyc
    if "E" in args.cases:
        replicate(args.corpus, big, args.scale)

    for name in args.cases:
        print(f"case {name}: {cases[name].label}", flush=True)
    quick_cases = [cases[n] for n in args.cases if n != "E"]
    results = run_interleaved(quick_cases, args.runs, cwd)
    if "E" in args.cases:  # minutes long: its runs follow
        results |= run_interleaved([cases["E"]], args.runs_e, cwd)

    print()
    print(HEADER)
    for name in sorted(results):
        print(row(name, cases[name].label, results[name]))
    if cold:
        print(
            f"info: C with an empty cache (first run ever): {cold.seconds:.2f} s, "
            f"{cold.peak_mb:.0f} MB"
        )
    print()
    med = {n: statistics.median(s.seconds for s in r) for n, r in results.items()}
    cpu = {n: statistics.median(s.cpu for s in r) for n, r in results.items()}

    def ratio(a: str, b: str, of: dict[str, float] = med) -> float | None:
        return of[a] / of[b] if a in of and b in of else None

    chars = count_chars(args.corpus)
    for name in ("A", "B"):
        if name in med:
            print(f"{name}: {chars / med[name]:,.0f} characters/s")
    print()
    print(verdict("A/B", ratio("A", "B"), TARGET_A_OVER_B))
    print(verdict("C/D", ratio("C", "D"), TARGET_C_OVER_D))
    print(verdict("E/A", ratio("E", "A"), float(args.scale)))
    e_peak = max(s.peak_mb for s in results["E"]) if "E" in results else None
    print(verdict("E peak", e_peak, TARGET_E_PEAK_MB, " MB"))
    # CPU time barely moves when other processes share the machine; wall time does.
    ratios = ", ".join(
        f"{a}/{b} {r:.2f}" for a, b in ("AB", "CD", "EA") if (r := ratio(a, b, cpu)) is not None
    )
    if ratios:
        print(f"info: the same ratios on median CPU seconds: {ratios}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
