#!/usr/bin/env python3
"""Start-up and stampede benchmark of db-bootstrap-agent (called by bench/run, which builds the
distribution and unpacks it outside the checkout first).

Every figure is a whole process timed from the outside (wall clock; peak RSS from /usr/bin/time),
median of N runs, all in one sitting so that ratios compare like with like on a noisy machine;
the embedded figures are timed inside their JVM.
"""
import argparse
import json
import os
import sys
import time

from database import admin_urls, scratch
from report import print_table, update_docs
from stampede import orphan_figures, racing_figures
from startup import Programs, embedded_figures, startup_figures
from timing import ROOT


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--scratch":
        scratch(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--distribution", required=True, help="the unpacked distribution's folder")
    parser.add_argument("--quick", action="store_true", help="fewer runs, orphans at 100k only")
    parser.add_argument("--kinds", default="postgresql,mysql,sqlite")
    parser.add_argument("--output", default=os.path.join(ROOT, "bench", "results", "latest.json"))
    parser.add_argument("--docs", default=os.path.join(ROOT, "docs", "performance.md"),
                        help="rewritten from the results after a full run")
    args = parser.parse_args()
    # Seven start-ups per figure in a full run: on this shared machine five left single outliers deciding medians.
    runs = 3 if args.quick else 7
    sizes = [100_000] if args.quick else [100_000, 1_000_000]
    admin = admin_urls()
    programs = Programs(args.distribution)
    results = {"date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "mode": "quick" if args.quick else "full",
               "distribution": args.distribution, "cores": os.cpu_count(),
               "load_before": round(os.getloadavg()[0], 2), "kinds": {}}
    for kind in args.kinds.split(","):
        print(f"== {kind}", file=sys.stderr, flush=True)
        agent = programs.distribution
        start = startup_figures(programs, kind, admin[kind], runs)
        embedded = embedded_figures(programs, kind, admin[kind], runs, 61 if args.quick else 81)
        orphans = {f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M":
                   orphan_figures(agent, kind, admin[kind], size, 2 if args.quick else 5 if size < 1_000_000 else 3)
                   for size in sizes}
        orphans["100k, 10% colliding"] = orphan_figures(agent, kind, admin[kind], 100_000, 2 if args.quick else 5, collide=True)
        racing = racing_figures(agent, kind, admin[kind], 16, 1 if args.quick else 3)
        ready = racing_figures(agent, kind, admin[kind], 16, 1 if args.quick else 3, ready=True)
        results["kinds"][kind] = {"startup": start, "embedded": embedded, "orphans": orphans, "racing": racing,
                                  "racing_ready": ready}
    results["load_after"] = round(os.getloadavg()[0], 2)
    with open(args.output, "w") as out:
        json.dump(results, out, indent=2)
    print_table(results)
    if not args.quick:
        update_docs(results, args.docs)


if __name__ == "__main__":
    main()
