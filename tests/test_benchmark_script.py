"""The benchmark script (benchmarks/run.py) runs and prints its table.

Only the fast case D (bare jieba import and cut) is run here, once; the full
benchmark takes minutes and is run by hand (see benchmarks/README.md).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from testdata import ROOT, needs_shared

SCRIPT = ROOT / "benchmarks" / "run.py"


@pytest.mark.slow
@needs_shared("corpus", "luxun")
def test_case_d_prints_a_table_row_with_timings() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--cases", "D", "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = done.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("case  median s"))
    cells = lines[header + 1].split()
    assert cells[0] == "D"
    median, low, high, cpu, peak = map(float, cells[1:6])
    assert 0 < low <= median <= high < 60  # seconds, one run: all three equal
    assert 0 < cpu < 60
    assert 10 < peak < 2000  # MB: a Python process with jieba loaded
    assert re.search(r"^C/D\s+n/a", done.stdout, re.M)  # C was not run: no verdict


def test_unknown_case_is_refused() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--cases", "Z"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "unknown case(s): Z" in done.stderr
