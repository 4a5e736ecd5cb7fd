"""Load figures of the agent as a process: orphans handed over against plain UPDATEs, and sixteen
replicas started together against the same sixteen one after another. `agent(db, check=True)`
runs one agent on a database and returns timing.run's tuple."""
import os
import re
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from database import Database
from timing import ROOT


def migration_count(kind):
    """The bundled migrations of a kind, as the agent's jar lists them."""
    folder = os.path.join(ROOT, "src", "main", "resources", "db", "migration", kind)
    return sum(1 for name in os.listdir(folder) if re.fullmatch(r"V\d+(?:[._]\d+)*__.+\.sql", name))


def ready_millis(out):
    """The run's total from its "Database ready: ..., 1234 ms [...]" line."""
    return int(re.search(r"Database ready: .*?(\d+) ms \[", out).group(1))


def orphan_figures(agent, kind, admin_url, size, runs, collide=False):
    """The agent's orphans step against the plain UPDATEs on the same number of orphans. With collide,
    the agent's seed has 10% orphans that must be left alone, while the plain UPDATEs run on a seed
    without any (they would fail on a unique key otherwise)."""
    db = Database(kind, admin_url).create()
    try:
        agent(db)
        team = db.admin_team()
        zero_runs = [agent(db) for _ in range(runs)]
        zero = [r[1] for r in zero_runs]
        zero_total = statistics.median(ready_millis(r[2]) for r in zero_runs)
        step, raw, rss, left = [], [], [], []
        for rep in range(runs):
            for side in (("agent", "raw") if rep % 2 == 0 else ("raw", "agent")):
                if side == "raw":
                    seeded = db.seed_orphans(size)
                    raw.append(db.raw_orphan_update_seconds(team))
                    continue
                seeded = db.seed_orphans(size, team if collide else None)
                _, peak, out, _ = agent(db)
                ready = out.split("Database ready")[-1]
                # The whole run less a run with no orphans: the step and the decisions before it.
                step.append((ready_millis(out) - zero_total) / 1000.0)
                left.append(sum(int(n) for n in re.findall(r"Left (\d+) orphaned", out)))
                rss.append(peak)
        return {"orphans": seeded, "left_alone": left, "agent_step_s": round(statistics.median(step), 3),
                "raw_updates_s": round(statistics.median(raw), 3),
                "ratio": round(statistics.median(step) / statistics.median(raw), 3),
                "agent_rss_mib": round(statistics.median(rss), 1), "zero_orphans_rss_mib": round(statistics.median(zero), 1),
                "rss_delta_mib": round(statistics.median(rss) - statistics.median(zero), 1),
                "agent_steps_s": step, "raw_s": raw}
    finally:
        db.drop()


def racing_figures(agent, kind, admin_url, replicas, runs, ready=False):
    """replicas agents started together against the same started one after another, on an empty
    database or (ready) on one a first run has made ready, where none should need the lock."""
    def fresh():
        db = Database(kind, admin_url).create()
        if ready:
            agent(db)
        return db

    def together():
        db = fresh()
        try:
            start = time.perf_counter()
            with ThreadPoolExecutor(replicas) as pool:
                results = list(pool.map(lambda _: agent(db, check=False), range(replicas)))
            wall = time.perf_counter() - start
            codes = [r[3] for r in results]
            checks = {
                "lock_takers": sum(1 for r in results if "Acquired migration lock" in r[2]),
                "exit_codes_all_zero": all(c == 0 for c in codes),
                "migrations_applied_once": db.count("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE"
                                                    if kind != "sqlite" else
                                                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1") == migration_count(kind)
                and db.count("SELECT COUNT(*) FROM (SELECT version FROM flyway_schema_history GROUP BY version "
                             "HAVING COUNT(*) > 1) d") == 0,
                "admins": db.count("SELECT COUNT(*) FROM email_users"),
                "system_roles": db.count("SELECT COUNT(*) FROM roles"),
                "grants": db.count("SELECT COUNT(*) FROM user_roles"),
            }
            return wall, checks, codes
        finally:
            db.drop()

    def one_after_another():
        db = fresh()
        try:
            start = time.perf_counter()
            for _ in range(replicas):
                agent(db)
            return time.perf_counter() - start
        finally:
            db.drop()

    racing, sequential, all_checks = [], [], []
    for _ in range(runs):
        wall, checks, _ = together()
        racing.append(wall)
        all_checks.append(checks)
        sequential.append(one_after_another())
    # Every repetition must end in the right state: the checks shown are a failing repetition's, if
    # any, else the one where the most replicas took the lock.
    checks = next((c for c in all_checks if not end_state_ok(c)), max(all_checks, key=lambda c: c["lock_takers"]))
    return {"replicas": replicas, "runs": runs, "racing_s": round(statistics.median(racing), 3),
            "sequential_s": round(statistics.median(sequential), 3),
            "ratio": round(statistics.median(racing) / statistics.median(sequential), 3), "checks": checks,
            "racing_walls_s": [round(r, 3) for r in racing], "sequential_walls_s": [round(s, 3) for s in sequential]}


def end_state_ok(checks):
    return all([checks["exit_codes_all_zero"], checks["migrations_applied_once"], checks["admins"] == 1,
                checks["system_roles"] == 4, checks["grants"] == 1])
