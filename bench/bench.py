#!/usr/bin/env python3
"""Start-up and stampede benchmark of db-bootstrap-agent (called by bench/run, which builds first).

Every figure is a whole process timed from the outside (wall clock; peak RSS from /usr/bin/time),
median of N runs, all in one sitting so that ratios compare like with like on a noisy machine.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse, unquote

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "db-bootstrap-agent.jar")
LAUNCHER = os.path.join(ROOT, "bin", "db-bootstrap-agent")
RESOURCE_TABLES = ["servers", "tools", "resources", "prompts", "gateways", "a2a_agents"]
# The value column of each table's unique key with the team and owner in it (the agent's V3).
KEY_COLUMNS = {"resources": "uri", "prompts": "name", "a2a_agents": "slug"}
FLYWAY_CP = ":".join([os.path.join(ROOT, "bench", "target"), os.path.join(ROOT, "target", "lib", "*"), JAR])
AGENT_ENV = {"PLATFORM_ADMIN_PASSWORD": "bench-Passw0rd", "MIGRATION_LOCK_TIMEOUT": "600"}
# Each one-shot start-up tuning switched off in turn: a tuning stays only while its row shows a gain.
TUNING_OFF = {"no prewarm": "-Ddb.bootstrap.prewarm=false",
              "Vert.x defaults": "-Ddb.bootstrap.leanVertx=false",
              "Netty JFR on": "-Dio.netty.jfr.enabled=true"}


def run(cmd, env=None, check=True, stdin=None):
    """Runs a command; returns (wall seconds, peak RSS MiB, stdout+stderr)."""
    with tempfile.NamedTemporaryFile("r") as rss:
        full = ["/usr/bin/time", "-f", "%M", "-o", rss.name] + cmd
        start = time.perf_counter()
        proc = subprocess.run(full, env={**os.environ, **(env or {})}, input=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
        wall = time.perf_counter() - start
        text = rss.read().strip().splitlines()
    if check and proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout[-3000:]}")
    return wall, int(text[-1]) / 1024.0 if text else 0.0, proc.stdout, proc.returncode


def agent_cmd():
    return [LAUNCHER] if os.access(LAUNCHER, os.X_OK) else ["java", "-jar", JAR]


class Database:
    """One kind: creates fresh databases, runs SQL through the kind's own CLI, builds URLs."""

    def __init__(self, kind, admin_url=None):
        self.kind = kind
        self.admin = urlparse(admin_url) if admin_url else None
        self.name = None
        self.folder = None

    def create(self):
        self.name = "bench_" + uuid.uuid4().hex[:10]
        if self.kind == "sqlite":
            self.folder = tempfile.mkdtemp(prefix="bench")
        else:
            self.sql(f"CREATE DATABASE {self.name}", admin=True)
        return self

    def drop(self):
        if self.kind == "sqlite":
            shutil.rmtree(self.folder, ignore_errors=True)
        elif self.kind == "postgresql":
            self.sql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)", admin=True)
        else:
            self.sql(f"DROP DATABASE IF EXISTS {self.name}", admin=True)

    @property
    def user(self):
        return unquote(self.admin.username or "")

    @property
    def password(self):
        return unquote(self.admin.password or "")

    def host(self):
        return self.admin.hostname, self.admin.port or (5432 if self.kind == "postgresql" else 3306)

    def agent_url(self):
        if self.kind == "sqlite":
            return "sqlite:///" + os.path.join(self.folder, "mcp.db")
        host, port = self.host()
        cred = self.admin.netloc.rsplit("@", 1)[0]
        return f"{self.kind}://{cred}@{host}:{port}/{self.name}"

    def flyway_args(self):
        if self.kind == "sqlite":
            return ["jdbc:sqlite:" + os.path.join(self.folder, "mcp.db"), "", "", "classpath:db/migration/sqlite"]
        host, port = self.host()
        scheme = "postgresql" if self.kind == "postgresql" else "mariadb"
        return [f"jdbc:{scheme}://{host}:{port}/{self.name}", self.user, self.password,
                f"classpath:db/migration/{self.kind}"]

    def cli(self, admin=False):
        if self.kind == "sqlite":
            return ["sqlite3", os.path.join(self.folder, "mcp.db")], {}
        host, port = self.host()
        if self.kind == "postgresql":
            db = self.admin.path.lstrip("/") if admin else self.name
            return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", str(port), "-U", self.user, db], \
                {"PGPASSWORD": self.password}
        db = self.admin.path.lstrip("/") if admin else self.name
        return ["mariadb", "-h", host, "-P", str(port), "-u", self.user, db], {"MYSQL_PWD": self.password}

    def sql(self, script, admin=False):
        cmd, env = self.cli(admin)
        out = subprocess.run(cmd, input=script, env={**os.environ, **env}, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if out.returncode != 0:
            sys.exit(f"{self.kind} SQL failed: {out.stdout[-2000:]}\n{script[:500]}")
        return out.stdout

    def numbers(self, count, columns):
        """SELECT of the given expressions of n over the numbers 1..count."""
        cols = ", ".join(columns)
        if self.kind == "postgresql":
            return f"SELECT {cols} FROM generate_series(1, {count}) n"
        if self.kind == "mysql":
            return f"SELECT {cols} FROM (SELECT seq AS n FROM seq_1_to_{count}) s"
        return f"WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {count}) SELECT {cols} FROM s"

    def text(self, prefix, number):
        """prefix || number, as the kind writes it."""
        if self.kind == "mysql":
            return f"CONCAT('{prefix}', {number})"
        return f"'{prefix}' || ({number})"

    def seed_orphans(self, count, collide_for_team=None):
        """count orphans over the six tables. With a team: in the keyed tables (resources, prompts,
        a2a_agents, by uri/name/slug) 5% of the orphans take a value a row of that team already holds,
        and 5% one another orphan takes first: 10% of them must be left alone."""
        per_table = count // len(RESOURCE_TABLES)
        statements = []
        for table in RESOURCE_TABLES:
            statements.append(f"DELETE FROM {table};")
            key = KEY_COLUMNS.get(table) if collide_for_team else None
            if not key:
                # Distinct names: prompts' names are part of a unique key (the agent's V3).
                select = self.numbers(per_table, [self.text("o-", "n"), self.text("orphan-", "n")])
                statements.append(f"INSERT INTO {table} (id, name) {select};")
                continue
            twentieth = per_table // 20
            value = (f"CASE WHEN n <= {per_table - twentieth} THEN {self.text('v-', 'n')} "
                     f"ELSE {self.text('v-', f'n - {per_table - 2 * twentieth}')} END")
            orphan = {"id": self.text("o-", "n"), "name": "'orphan'", key: value}
            kept = {"id": self.text("k-", "n"), "name": "'kept'", "team_id": f"'{collide_for_team}'",
                    "owner_email": "'admin@example.com'", "visibility": "'public'", key: self.text("v-", "n")}
            for rows, number in ((orphan, per_table), (kept, twentieth)):
                statements.append(f"INSERT INTO {table} ({', '.join(rows)}) {self.numbers(number, list(rows.values()))};")
        statements.append({"postgresql": "VACUUM ANALYZE;", "mysql": "", "sqlite": "ANALYZE;"}[self.kind])
        self.sql("\n".join(statements))
        return per_table * len(RESOURCE_TABLES)

    def raw_orphan_update_seconds(self, team_id):
        """One set-based UPDATE per table in one transaction, timed by the database's own CLI."""
        updates = [f"UPDATE {t} SET team_id = COALESCE(team_id, '{team_id}'), owner_email = COALESCE(owner_email, 'admin@example.com'), "
                   f"visibility = COALESCE(visibility, 'public'), federation_source = CASE WHEN federation_source IS NULL OR "
                   f"federation_source = '' THEN 'mcpgateway-0.7.0-migration' ELSE federation_source END "
                   f"WHERE team_id IS NULL OR owner_email IS NULL OR visibility IS NULL;" for t in RESOURCE_TABLES]
        if self.kind == "postgresql":
            out = self.sql("\\timing on\nBEGIN;\n" + "\n".join(updates) + "\nCOMMIT;\n")
            return sum(float(m) for m in re.findall(r"Time: ([\d.]+) ms", out)) / 1000.0
        if self.kind == "mysql":
            out = self.sql("SET @t = NOW(6); START TRANSACTION;\n" + "\n".join(updates)
                           + "\nCOMMIT; SELECT TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) AS micros;\n")
            return int(out.strip().splitlines()[-1]) / 1e6
        out = self.sql(".timer on\nBEGIN;\n" + "\n".join(updates) + "\nCOMMIT;\n")
        return sum(float(m) for m in re.findall(r"Run Time: real ([\d.]+)", out))

    def admin_team(self):
        out = self.sql("SELECT id FROM email_teams WHERE is_personal = TRUE;" if self.kind != "sqlite"
                       else "SELECT id FROM email_teams WHERE is_personal = 1;")
        return [line for line in out.split() if re.fullmatch(r"[0-9a-f-]{36}", line)][0]

    def count(self, sql):
        out = self.sql(sql + ";")
        return int([line for line in out.split() if line.strip().lstrip("-").isdigit()][-1])


def agent(db, extra_env=None, check=True):
    return run(agent_cmd(), env={**AGENT_ENV, "DATABASE_URL": db.agent_url(), **(extra_env or {})}, check=check)


def flyway_only(db):
    return run(["java", "-cp", FLYWAY_CP, "FlywayOnly"] + db.flyway_args())


def medians(samples):
    return {"wall_s": round(statistics.median(s[0] for s in samples), 3),
            "rss_mib": round(statistics.median(s[1] for s in samples), 1),
            "runs": len(samples), "walls_s": [round(s[0], 3) for s in samples]}


def startup_figures(kind, admin_url, runs):
    """flyway-only and agent, warm and cold, interleaved so drift hits both alike."""
    figures = {"flyway-only cold": [], "flyway-only warm": [], "agent cold": [], "agent warm": [],
               "agent warm (JDK 17 AppCDS)": [], **{f"agent warm, {name}": [] for name in TUNING_OFF}}
    warm_flyway = Database(kind, admin_url).create()
    warm_agent = Database(kind, admin_url).create()
    try:
        flyway_only(warm_flyway)
        agent(warm_agent)
        for _ in range(runs):
            for name, action in (("flyway-only cold", flyway_only), ("agent cold", agent)):
                fresh = Database(kind, admin_url).create()
                try:
                    figures[name].append(action(fresh))
                finally:
                    fresh.drop()
            figures["flyway-only warm"].append(flyway_only(warm_flyway))
            figures["agent warm"].append(agent(warm_agent))
            figures["agent warm (JDK 17 AppCDS)"].append(agent(warm_agent, {"DB_BOOTSTRAP_JAVA": "java"}))
            for name, option in TUNING_OFF.items():
                figures[f"agent warm, {name}"].append(agent(warm_agent, {"JAVA_OPTS": option}))
    finally:
        warm_flyway.drop()
        warm_agent.drop()
    return {name: medians(samples) for name, samples in figures.items()}


def migration_count(kind):
    """The bundled migrations of a kind, as the agent's jar lists them."""
    folder = os.path.join(ROOT, "src", "main", "resources", "db", "migration", kind)
    return sum(1 for name in os.listdir(folder) if re.fullmatch(r"V\d+(?:[._]\d+)*__.+\.sql", name))


def ready_millis(out):
    """The run's total from its "Database ready: ..., 1234 ms [...]" line."""
    return int(re.search(r"Database ready: .*?(\d+) ms \[", out).group(1))


def orphan_figures(kind, admin_url, size, runs, collide=False):
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


def racing_figures(kind, admin_url, replicas, runs, ready=False):
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


def scratch(action, name):
    """Creates (printing `export CDS_TRAINING_..._URL=...` for each) or drops a database of that name
    on every server that answers; a server that does not is skipped with a warning on stderr."""
    variables = {"postgresql": "CDS_TRAINING_PG_URL", "mysql": "CDS_TRAINING_MYSQL_URL"}
    for kind, url in admin_urls().items():
        if not url:
            continue
        db = Database(kind, url)
        db.name = name
        cmd, env = db.cli(admin=True)
        sql = f"DROP DATABASE IF EXISTS {name}" if action == "drop" else f"CREATE DATABASE {name}"
        done = subprocess.run(cmd, input=sql, env={**os.environ, **env}, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if done.returncode != 0:
            print(f"[bench] {kind} not reachable, no training run on it: {done.stdout.strip()[:200]}", file=sys.stderr)
        elif action == "create":
            print(f"export {variables[kind]}='{url.rsplit('/', 1)[0]}/{name}'")


def admin_urls():
    return {"postgresql": os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
            "mysql": os.environ.get("BENCH_MYSQL_URL", "mysql://root@127.0.0.1:3306/test"), "sqlite": None}


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--scratch":
        scratch(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs, orphans at 100k only")
    parser.add_argument("--kinds", default="postgresql,mysql,sqlite")
    parser.add_argument("--output", default=os.path.join(ROOT, "bench", "results", "latest.json"))
    args = parser.parse_args()
    # Seven start-ups per figure in a full run: on this shared machine five left single outliers deciding medians.
    runs = 3 if args.quick else 7
    sizes = [100_000] if args.quick else [100_000, 1_000_000]
    admin = admin_urls()
    results = {"date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "mode": "quick" if args.quick else "full",
               "launcher": " ".join(agent_cmd()), "cores": os.cpu_count(), "kinds": {}}
    for kind in args.kinds.split(","):
        print(f"== {kind}", file=sys.stderr, flush=True)
        start = startup_figures(kind, admin[kind], runs)
        orphans = {f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M":
                   orphan_figures(kind, admin[kind], size, 2 if args.quick else 5 if size < 1_000_000 else 3)
                   for size in sizes}
        orphans["100k, 10% colliding"] = orphan_figures(kind, admin[kind], 100_000, 2 if args.quick else 5, collide=True)
        racing = racing_figures(kind, admin[kind], 16, 1 if args.quick else 3)
        ready = racing_figures(kind, admin[kind], 16, 1 if args.quick else 3, ready=True)
        results["kinds"][kind] = {"startup": start, "orphans": orphans, "racing": racing, "racing_ready": ready}
    with open(args.output, "w") as out:
        json.dump(results, out, indent=2)
    print_table(results)


def end_state_ok(checks):
    return all([checks["exit_codes_all_zero"], checks["migrations_applied_once"], checks["admins"] == 1,
                checks["system_roles"] == 4, checks["grants"] == 1])


def verdict(ok):
    return "ok" if ok else "MISSED"


def print_table(results):
    print(f"\ndb-bootstrap-agent benchmark ({results['mode']}, launcher: {results['launcher']}, {results['date']})")
    print(f"{'kind':<11}{'figure':<22}{'median s':>9}{'RSS MiB':>9}  ratio and target")
    for kind, r in results["kinds"].items():
        s = r["startup"]
        for name in ("flyway-only warm", "agent warm", "agent warm (JDK 17 AppCDS)", "flyway-only cold", "agent cold"):
            f = s[name]
            note = ""
            if name == "agent warm (JDK 17 AppCDS)":
                note = f"{f['wall_s'] / s['flyway-only warm']['wall_s']:.2f} x flyway-only warm (for the record: no JDK 25)"
            if name == "agent warm":
                ratio = f["wall_s"] / s["flyway-only warm"]["wall_s"]
                note = (f"{ratio:.2f} x flyway-only warm (target <= 0.30: {verdict(ratio <= 0.30)}); "
                        f"RSS target <= 100 MiB: {verdict(f['rss_mib'] <= 100)}")
            if name == "agent cold":
                ratio = f["wall_s"] / s["flyway-only cold"]["wall_s"]
                note = f"{ratio:.2f} x flyway-only cold (target <= 1.05: {verdict(ratio <= 1.05)})"
            print(f"{kind:<11}{name:<22}{f['wall_s']:>9.3f}{f['rss_mib']:>9.1f}  {note}")
        for name in TUNING_OFF:
            f = s[f"agent warm, {name}"]
            gain = f["wall_s"] - s["agent warm"]["wall_s"]
            print(f"{kind:<11}{'warm, ' + name:<22}{f['wall_s']:>9.3f}{f['rss_mib']:>9.1f}  the tuning saves {gain * 1000:+.0f} ms "
                  f"({f['wall_s'] / s['agent warm']['wall_s']:.2f} x agent warm without it)")
        for size, o in r["orphans"].items():
            print(f"{kind:<11}{'orphans ' + size:<22}{o['agent_step_s']:>9.3f}{o['agent_rss_mib']:>9.1f}  "
                  f"{o['ratio']:.2f} x raw UPDATEs {o['raw_updates_s']:.3f} s (target <= 1.2: {verdict(o['ratio'] <= 1.2)}); "
                  f"RSS +{o['rss_delta_mib']:.1f} MiB over 0 orphans (target <= 30: {verdict(o['rss_delta_mib'] <= 30)})"
                  + (f"; left alone per run: {o['left_alone']}" if "colliding" in size else ""))
        rc = r["racing"]
        ok = end_state_ok(rc["checks"])
        print(f"{kind:<11}{'16 racing':<22}{rc['racing_s']:>9.3f}{'':>9}  {rc['ratio']:.2f} x 16 one after another "
              f"{rc['sequential_s']:.3f} s (target <= 1.0: {verdict(rc['ratio'] <= 1.0)}); end state {verdict(ok)} {rc['checks']}")
        rr = r.get("racing_ready")
        if rr:
            takers = rr["checks"]["lock_takers"]
            print(f"{kind:<11}{'16 racing, ready db':<22}{rr['racing_s']:>9.3f}{'':>9}  {rr['ratio']:.2f} x 16 one after another "
                  f"{rr['sequential_s']:.3f} s; took the lock: {takers} of 16 (target 0: {verdict(takers == 0)}); "
                  f"end state {verdict(end_state_ok(rr['checks']))}")


if __name__ == "__main__":
    main()
