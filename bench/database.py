"""The databases of a benchmark run: fresh ones per figure, SQL through each kind's own CLI, URLs."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from urllib.parse import urlparse, unquote

RESOURCE_TABLES = ["servers", "tools", "resources", "prompts", "gateways", "a2a_agents"]
# The value column of each table's unique key with the team and owner in it (the agent's V3).
KEY_COLUMNS = {"resources": "uri", "prompts": "name", "a2a_agents": "slug"}


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

    def jdbc(self):
        """(JDBC URL, user, password) of this database, as Flyway takes them."""
        if self.kind == "sqlite":
            return "jdbc:sqlite:" + os.path.join(self.folder, "mcp.db"), "", ""
        host, port = self.host()
        scheme = "postgresql" if self.kind == "postgresql" else "mariadb"
        return f"jdbc:{scheme}://{host}:{port}/{self.name}", self.user, self.password

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


