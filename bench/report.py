"""The benchmark's table: printed after a run, and kept in docs/performance.md between its
<!-- bench-table --> markers (a full run rewrites it from bench/results/latest.json)."""
import re

from startup import SETTLED
from stampede import end_state_ok

# The targets of issue 12, each printed next to its ratio.
WARM_VS_FLYWAY_CLI = 0.15
COLD_VS_FLYWAY_CLI = 0.5
WARM_VS_FLOOR = 2.0
EMBEDDED_REPEATED_MS = 10
EMBEDDED_FIRST_MS = 100
RSS_MIB = 100
SERVER_KINDS = ("postgresql", "mysql")


def verdict(ok):
    return "met" if ok else "MISSED"


def rows(results):
    """(kind, figure, median, peak RSS MiB or "", ratio and target) for every figure of a run."""
    out = []
    for kind, r in results["kinds"].items():
        s = r["startup"]
        warm, cold = s["distribution warm"], s["distribution cold"]
        cli_warm, cli_cold = s["flyway cli warm"], s["flyway cli cold"]
        floor = s["floor: hello, own AOT cache"]
        used = s["cache used"]
        ratio = warm["wall_s"] / cli_warm["wall_s"]
        to_floor = warm["wall_s"] / floor["wall_s"]
        out.append((kind, "distribution warm", f"{warm['wall_s']:.3f} s", warm["rss_mib"],
                    f"{ratio:.3f} x flyway cli warm (<= {WARM_VS_FLYWAY_CLI}: {verdict(ratio <= WARM_VS_FLYWAY_CLI)}); "
                    f"{to_floor:.2f} x the floor (<= {WARM_VS_FLOOR:g}: {verdict(to_floor <= WARM_VS_FLOOR)}); "
                    f"RSS <= {RSS_MIB} MiB: {verdict(warm['rss_mib'] <= RSS_MIB)}; AOT cache used: {used['distribution']}"))
        ratio = cold["wall_s"] / cli_cold["wall_s"]
        out.append((kind, "distribution cold", f"{cold['wall_s']:.3f} s", cold["rss_mib"],
                    f"{ratio:.3f} x flyway cli cold (<= {COLD_VS_FLYWAY_CLI}: {verdict(ratio <= COLD_VS_FLYWAY_CLI)})"))
        out.append((kind, "flyway cli warm", f"{cli_warm['wall_s']:.3f} s", cli_warm["rss_mib"], "baseline"))
        out.append((kind, "flyway cli cold", f"{cli_cold['wall_s']:.3f} s", cli_cold["rss_mib"], "baseline"))
        jar = s["java -jar warm (JDK 17)"]
        out.append((kind, "java -jar warm (JDK 17)", f"{jar['wall_s']:.3f} s", jar["rss_mib"],
                    f"for the record: {jar['wall_s'] / cli_warm['wall_s']:.2f} x flyway cli warm"))
        out.append((kind, "floor: hello, own AOT cache", f"{floor['wall_s']:.3f} s", floor["rss_mib"],
                    f"the distribution's runtime and JVM options; cache used: {used['floor']}"))
        bare = s["floor: hello, no cache"]
        out.append((kind, "floor: hello, no cache", f"{bare['wall_s']:.3f} s", bare["rss_mib"], "for the record"))
        for name, reference in (("distribution warm, no prewarm", warm), ("distribution warm, Vert.x defaults", warm),
                                ("java -jar warm, Netty JFR on", jar)):
            f = s[name]
            out.append((kind, name, f"{f['wall_s']:.3f} s", f["rss_mib"],
                        f"the tuning saves {(f['wall_s'] - reference['wall_s']) * 1000:+.0f} ms"))
        e = r["embedded"]
        server = kind in SERVER_KINDS
        first, repeated = e["agent"]["first_ms"], e["agent"]["repeated_ms"]
        target = f"; <= {EMBEDDED_FIRST_MS} ms: {verdict(first <= EMBEDDED_FIRST_MS)}" if server else ""
        out.append((kind, "embedded, first deployment", f"{first:.1f} ms", "",
                    f"{first / e['flyway']['first_ms']:.2f} x Flyway.migrate() first in its JVM {e['flyway']['first_ms']:.1f} ms{target}"))
        if "agent_first_no_netty_jfr_ms" in e:
            bare = e["agent_first_no_netty_jfr_ms"]
            target = f"; <= {EMBEDDED_FIRST_MS} ms: {verdict(bare <= EMBEDDED_FIRST_MS)}" if server else ""
            out.append((kind, "embedded, first deployment, gateway JVM with -Dio.netty.jfr.enabled=false", f"{bare:.1f} ms", "",
                        f"the gateway's option saves {first - bare:+.0f} ms{target}"))
        target = f"; <= {EMBEDDED_REPEATED_MS} ms: {verdict(repeated <= EMBEDDED_REPEATED_MS)}" if server else ""
        out.append((kind, "embedded, repeated deployment (2nd-21st)", f"{repeated:.1f} ms", "",
                    f"{repeated / e['flyway']['repeated_ms']:.2f} x Flyway.migrate() again {e['flyway']['repeated_ms']:.1f} ms{target}"))
        if "settled_ms" in e["agent"]:
            settled = e["agent"]["settled_ms"]
            target = f"; <= {EMBEDDED_REPEATED_MS} ms: {verdict(settled <= EMBEDDED_REPEATED_MS)}" if server else ""
            out.append((kind, f"embedded, repeated deployment, settled (last {SETTLED})", f"{settled:.1f} ms", "",
                        f"{settled / e['flyway']['settled_ms']:.2f} x Flyway.migrate() again {e['flyway']['settled_ms']:.1f} ms{target}"))
        for size, o in r["orphans"].items():
            out.append((kind, f"orphans {size} (agent's step vs raw UPDATEs {o['raw_updates_s']:.3f} s)",
                        f"{o['agent_step_s']:.3f} s", o["agent_rss_mib"],
                        f"{o['ratio']:.2f} x (<= 1.2: {verdict(o['ratio'] <= 1.2)}); RSS +{o['rss_delta_mib']:.1f} MiB over "
                        f"0 orphans (<= 30: {verdict(o['rss_delta_mib'] <= 30)})"
                        + (f"; left alone per run: {o['left_alone']}" if "colliding" in size else "")))
        for name, rc in (("16 racing", r["racing"]), ("16 racing, ready db", r["racing_ready"])):
            note = f"{rc['ratio']:.2f} x 16 one after another {rc['sequential_s']:.3f} s"
            if name == "16 racing":
                note += f" (<= 1.0: {verdict(rc['ratio'] <= 1.0)})"
            else:
                takers = rc["checks"]["lock_takers"]
                note += f"; took the lock: {takers} of 16 (0: {verdict(takers == 0)})"
            note += f"; end state (all exit 0, each migration once, 1 admin, 4 roles, 1 grant): {verdict(end_state_ok(rc['checks']))}"
            out.append((kind, f"{name}, median of {rc['runs']}", f"{rc['racing_s']:.3f} s", "", note))
    return out


def print_table(results):
    print(f"\ndb-bootstrap-agent benchmark ({results['mode']}, {results['date']}, {results['cores']} cores, "
          f"load {results['load_before']} before the run)")
    for kind, figure, median, rss, note in rows(results):
        print(f"{kind:<11}{figure:<36}{median:>11}{rss if rss == '' else f'{rss:.1f}':>8}  {note}")


def markdown(results):
    lines = [f"Last full run: `bench/results/latest.json`, {results['date']}, {results['cores']} cores, "
             f"load average {results['load_before']} before it.", "",
             "| kind | figure | median | peak RSS MiB | ratio (target) |", "|---|---|---|---|---|"]
    for kind, figure, median, rss, note in rows(results):
        lines.append(f"| {kind} | {figure} | {median} | {rss if rss == '' else f'{rss:.0f}'} | {note} |")
    return "\n".join(lines)


def update_docs(results, path):
    """Rewrites the marked section of docs/performance.md; everything around it is left alone."""
    with open(path) as doc:
        text = doc.read()
    new, count = re.subn(r"(<!-- bench-table -->\n).*?(\n<!-- /bench-table -->)",
                         lambda m: m.group(1) + markdown(results) + m.group(2), text, flags=re.S)
    if count != 1:
        raise SystemExit(f"{path} has no <!-- bench-table --> ... <!-- /bench-table --> section")
    with open(path, "w") as doc:
        doc.write(new)
