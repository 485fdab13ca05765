"""Warm `muqabala report seeds/` as a whole process: every vector is in the cache, so no model
is loaded. Prints the median of 3 runs (target: under 2 s) and whether torch was imported.

    python benchmarks/bench_report.py [PATH ...]
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    paths = sys.argv[1:] or [str(ROOT / "seeds")]
    env = dict(os.environ, MUQABALA_INDEXES=tempfile.mkdtemp(prefix="muqabala-bench-"),
               MUQABALA_MODELS=os.environ.get("MUQABALA_MODELS", str(ROOT / "indexes" / "models")))
    cmd = [sys.executable, "-m", "muqabala.cli.main", "report", *paths, "--format", "json"]
    probe = [sys.executable, "-c", "import sys, runpy; sys.argv = ['muqabala', 'report', *sys.argv[1:], '--format', "
             "'json']; import muqabala.cli.main as m\ntry:\n    m.app()\nexcept SystemExit:\n    pass\n"
             "print('TORCH', 'torch' in sys.modules, file=sys.stderr)", *paths]
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, capture_output=True, check=True)
    cold = time.perf_counter() - t0
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    torch = subprocess.run(probe, env=env, capture_output=True, text=True).stderr.strip().splitlines()[-1]
    print(f"report {' '.join(paths)}: first run (embeds, loads the model) {cold:.2f} s; "
          f"warm median of 3 {statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)}); "
          f"warm run imported torch: {torch.split()[-1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
