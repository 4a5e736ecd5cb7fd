"""Whole processes timed from the outside: wall clock, peak RSS from /usr/bin/time, medians."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, env=None, check=True, cwd=ROOT):
    """Runs a command; returns (wall seconds, peak RSS MiB, stdout+stderr, exit code)."""
    with tempfile.NamedTemporaryFile("r") as rss:
        full = ["/usr/bin/time", "-f", "%M", "-o", rss.name] + cmd
        start = time.perf_counter()
        proc = subprocess.run(full, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, cwd=cwd)
        wall = time.perf_counter() - start
        text = rss.read().strip().splitlines()
    if check and proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout[-3000:]}")
    return wall, int(text[-1]) / 1024.0 if text else 0.0, proc.stdout, proc.returncode


def medians(samples):
    return {"wall_s": round(statistics.median(s[0] for s in samples), 3),
            "rss_mib": round(statistics.median(s[1] for s in samples), 1),
            "runs": len(samples), "walls_s": [round(s[0], 3) for s in samples]}
