"""Start-up figures of one kind: whole processes, interleaved so that drift on a shared machine
hits every figure alike, and the agent embedded in a running JVM."""
import json
import os
import statistics
import tempfile

from database import Database
from timing import ROOT, medians, run

AGENT_ENV = {"PLATFORM_ADMIN_PASSWORD": "bench-Passw0rd", "MIGRATION_LOCK_TIMEOUT": "600"}
# Each one-shot start-up tuning switched off in turn: a tuning stays only while its row shows a
# gain. Netty's JFR events need jdk.jfr, which the distribution's runtime leaves out: that switch is
# measured where it matters, on a full JDK (java -jar).
DISTRIBUTION_TUNING_OFF = {"no prewarm": "-Ddb.bootstrap.prewarm=false", "Vert.x defaults": "-Ddb.bootstrap.leanVertx=false"}
JAR_TUNING_OFF = {"Netty JFR on": "-Dio.netty.jfr.enabled=true"}
BENCH_CLASSES = os.path.join(ROOT, "bench", "target")
AGENT_CP = ":".join([BENCH_CLASSES, os.path.join(ROOT, "target", "lib", "*"), os.path.join(ROOT, "target", "db-bootstrap-agent.jar")])
FLYWAY_CLI_CP = os.path.join(BENCH_CLASSES, "flyway-cli", "*")


class Programs:
    """The programs a run times: the unpacked distribution, Flyway's CLI, java -jar, the floor."""

    def __init__(self, distribution):
        self.home = distribution
        self.launcher = os.path.join(distribution, "bin", "db-bootstrap-agent")
        self.runtime_java = os.path.join(distribution, "runtime", "bin", "java")
        with open(os.path.join(distribution, "lib", "db-bootstrap-agent.aot.java")) as trained:
            self.aot_options = trained.read().splitlines()[1].split()
        with open(os.path.join(ROOT, "bin", "jvm-options")) as options:
            self.jvm_options = [line.strip() for line in options if line.strip() and not line.startswith("#")]

    def distribution(self, db, extra_env=None, check=True):
        return run([self.launcher], env={**AGENT_ENV, "DATABASE_URL": db.agent_url(), **(extra_env or {})}, check=check)

    def java_jar(self, db, java_options=()):
        return run(["java", *java_options, "-jar", os.path.join(ROOT, "target", "db-bootstrap-agent.jar")],
                   env={**AGENT_ENV, "DATABASE_URL": db.agent_url()})

    def flyway_cli(self, db):
        """Flyway's own command line on the agent's migrations, without its update check (a network
        call): the tool a user would run in a Job instead of the agent."""
        url, user, password = db.jdbc()
        location = os.path.join(ROOT, "src", "main", "resources", "db", "migration", db.kind)
        return run(["java", "-cp", FLYWAY_CLI_CP, "org.flywaydb.commandline.Main", "-skipCheckForUpdate", "migrate",
                    f"-url={url}", f"-user={user}", f"-password={password}", f"-locations=filesystem:{location}"])

    def hello(self, cached, extra=()):
        """The floor: a JVM that prints hello, on the distribution's runtime with the agent's JVM options,
        with an AOT cache of its own (bench/run trains it) or none."""
        cache = ["-XX:AOTCache=" + os.path.join(BENCH_CLASSES, "hello.aot"), "-Xlog:aot=off", "-Xlog:cds=off"] if cached else []
        return run([self.runtime_java, *cache, *self.aot_options, *self.jvm_options, *extra, "-cp",
                    os.path.join(BENCH_CLASSES, "hello.jar"), "Hello"])

    def cache_use(self, db):
        """Whether the JVM took the main class from the AOT cache, for the distribution and the floor."""
        with tempfile.TemporaryDirectory() as folder:
            agent_log, hello_log = os.path.join(folder, "agent.log"), os.path.join(folder, "hello.log")
            self.distribution(db, {"JAVA_OPTS": f"-Xlog:class+load=info:file={agent_log}"})
            self.hello(True, [f"-Xlog:class+load=info:file={hello_log}"])
            return {"distribution": shared(agent_log, "io.mcpgateway.bootstrap.cli.Main"), "floor": shared(hello_log, "Hello")}

    def embedded(self, mode, args, deployments, java_options=()):
        out = run(["java", *java_options, "-cp", AGENT_CP, "EmbeddedBench", mode, *args, str(deployments)], env=AGENT_ENV)[2]
        return json.loads([line for line in out.splitlines() if line.startswith("{")][-1])


def shared(class_log, name):
    with open(class_log) as lines:
        return any(line.rstrip().endswith(f" {name} source: shared objects file") for line in lines)


def startup_figures(programs, kind, admin_url, runs):
    """The distribution, Flyway's CLI, java -jar and the floor, warm (a database already up to date)
    and cold (an empty one), interleaved run by run."""
    cold = {"distribution cold": programs.distribution, "flyway cli cold": programs.flyway_cli}
    warm_agent = {"distribution warm": programs.distribution, "java -jar warm (JDK 17)": programs.java_jar,
                  **{f"distribution warm, {name}": (lambda option: lambda db: programs.distribution(db, {"JAVA_OPTS": option}))(option)
                     for name, option in DISTRIBUTION_TUNING_OFF.items()},
                  **{f"java -jar warm, {name}": (lambda option: lambda db: programs.java_jar(db, [option]))(option)
                     for name, option in JAR_TUNING_OFF.items()}}
    floor = {"floor: hello, own AOT cache": lambda: programs.hello(True), "floor: hello, no cache": lambda: programs.hello(False)}
    figures = {name: [] for name in [*cold, "flyway cli warm", *warm_agent, *floor]}
    warm_flyway = Database(kind, admin_url).create()
    warm = Database(kind, admin_url).create()
    try:
        programs.flyway_cli(warm_flyway)
        programs.distribution(warm)
        cache_use = programs.cache_use(warm)
        for _ in range(runs):
            for name, action in cold.items():
                fresh = Database(kind, admin_url).create()
                try:
                    figures[name].append(action(fresh))
                finally:
                    fresh.drop()
            figures["flyway cli warm"].append(programs.flyway_cli(warm_flyway))
            for name, action in warm_agent.items():
                figures[name].append(action(warm))
            for name, action in floor.items():
                figures[name].append(action())
    finally:
        warm_flyway.drop()
        warm.drop()
    return {**{name: medians(samples) for name, samples in figures.items()}, "cache used": cache_use}


REPEATED = 20
SETTLED = 40


def embedded_figures(programs, kind, admin_url, runs, deployments):
    """The agent deployed in an already running Vert.x (the gateway's JVM: the default JDK, default
    flags, the plain class path), first and repeated deployments, against Flyway.migrate() in the
    same kind of JVM; on one database the distribution has made ready. One JVM per repetition."""
    db = Database(kind, admin_url).create()
    try:
        programs.distribution(db)
        url, user, password = db.jdbc()
        agent = [programs.embedded("agent", [db.agent_url()], deployments) for _ in range(runs)]
        # A gateway JVM that turns Netty's JFR events off, as the agent's own launcher does.
        no_jfr = [programs.embedded("agent", [db.agent_url()], 1, ["-Dio.netty.jfr.enabled=false"]) for _ in range(runs)]
        flyway = [programs.embedded("flyway", [url, user, password or "", f"classpath:db/migration/{kind}"], deployments)
                  for _ in range(runs)]
    finally:
        db.drop()

    def summary(samples):
        # Repeated: deployments 2-21 of each JVM, while the JIT still compiles the pipeline's code;
        # settled: the last 40, once it has (a gateway's JVM that has run for a while).
        return {"first_ms": round(statistics.median(s["first_ms"] for s in samples), 1),
                "repeated_ms": round(statistics.median(ms for s in samples for ms in s["repeated_ms"][:REPEATED]), 1),
                "settled_ms": round(statistics.median(ms for s in samples for ms in s["repeated_ms"][-SETTLED:]), 1),
                "firsts_ms": [round(s["first_ms"], 1) for s in samples]}
    return {"agent": summary(agent), "flyway": summary(flyway), "deployments_per_jvm": deployments,
            "agent_first_no_netty_jfr_ms": round(statistics.median(s["first_ms"] for s in no_jfr), 1)}
