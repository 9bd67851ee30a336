#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples (bench/http/profile.sh), or async-profiler's
collapsed stacks (a file ending in .collapsed, written with `collapsed,threads`): the share of
samples per thread pool, per layer (the package of the top-most frame that is not the JDK's: who
asked for the work), inclusive shares of the parts of a request named in COMPONENTS, and the top
frames by self time."""
import collections, json, re, subprocess, sys

LAYERS = [("io.boat.", "BOAT"), ("org.h2.", "H2"), ("org.eclipse.persistence.", "EclipseLink"),
          ("org.jboss.weld.", "Weld (CDI)"), ("org.glassfish.jersey.", "Jersey"),
          ("org.glassfish.grizzly.", "Grizzly (HTTP)"), ("com.sun.ejb.", "EJB container"),
          ("org.glassfish.ejb.", "EJB container"), ("com.sun.enterprise.security", "security"),
          ("org.glassfish.soteria", "security"), ("com.sun.enterprise.web", "web container"),
          ("org.apache.catalina.", "web container"), ("org.glassfish.", "other GlassFish"),
          ("fish.payara.", "Payara"), ("com.sun.enterprise.", "other GlassFish"),
          ("io.opentelemetry.", "OpenTelemetry"), ("org.jvnet.hk2.", "HK2"), ("com.nimbusds.", "nimbus-jose-jwt"), ("org.eclipse.parsson", "JSON-P"),
          ("java.", "JDK"), ("javax.", "JDK"), ("jdk.", "JDK"), ("sun.", "JDK")]


# Inclusive: the share of samples with any frame of that part on the stack.
COMPONENTS = ["io.boat.kms.web.support.TokenAuthFilter", "io.boat.kms.web.support.PublicUrlFilter",
              "io.boat.kms.web.support.ResponseHeadersFilter", "io.boat.kms.web.VersionResource",
              "io.boat.kms.identity.", "io.boat.kms.secret.SecretService", "io.boat.kms.order.",
              "com.sun.ejb.", "org.eclipse.persistence.", "org.h2.", "org.jboss.weld.",
              "io.opentelemetry.", "org.eclipse.parsson.",
              # the attested release (bench/release/run.sh)
              "io.boat.kms.release.", "io.boat.kms.release.JweWrap", "com.nimbusds.", "javax.crypto.Cipher.getInstance",
              "javax.crypto.Cipher.init", "java.security.SecureRandom", "java.security.KeyFactory"]


def layer(name):
    for prefix, label in LAYERS:
        if name.startswith(prefix):
            return label
    return "other"


def jfr_samples(path, jfr):
    """(thread, frames leaf first, weight) per JFR execution sample."""
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    for e in json.loads(out)["recording"]["events"]:
        frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
        names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in frames]
        yield (e["values"].get("sampledThread") or {}).get("javaName") or "?", names, 1


def collapsed_samples(path):
    """(thread, frames leaf first, weight) per line of async-profiler's `collapsed,threads` output:
    "[thread tid=N];root;...;leaf COUNT", frames as "pkg/Class.method" with "_[j]"-style suffixes."""
    with open(path) as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            frames = stack.split(";")
            thread = "?"
            if frames and frames[0].startswith("["):
                thread = re.sub(r"\s+tid=\d+\]$", "", frames.pop(0)[1:]).rstrip("]")
            names = [re.sub(r"_\[[a-z0-9]\]$", "", n).replace("/", ".") for n in reversed(frames)]
            yield thread, names, int(count)


def main(path, jfr="jfr", top=25):
    samples = collapsed_samples(path) if path.endswith(".collapsed") else jfr_samples(path, jfr)
    self_frames, layers, pools, parts = (collections.Counter() for _ in range(4))
    for thread, names, weight in samples:
        if not names:
            continue
        self_frames[names[0]] += weight
        pools[re.sub(r"[-(]?\d+\)?", "", thread)] += weight
        # The layer of the first frame that is not the JDK's: who asked for the work.
        layers[next((layer(n) for n in names if layer(n) != "JDK"), "JDK")] += weight
        for part in COMPONENTS:
            parts[part] += weight * any(n.startswith(part) for n in names)
    n = sum(self_frames.values())
    print(f"{n} samples")
    print("by thread (pool):")
    for name, c in pools.most_common(6):
        print(f"  {100 * c / n:5.1f}%  {name}")
    print("by layer (top-most non-JDK frame):")
    for name, c in layers.most_common():
        print(f"  {100 * c / n:5.1f}%  {name}")
    print("inclusive (any frame on the stack):")
    for part in COMPONENTS:
        print(f"  {100 * parts[part] / n:5.1f}%  {part}")
    print(f"top {top} frames by self time:")
    for name, c in self_frames.most_common(top):
        print(f"  {100 * c / n:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1], *(sys.argv[2:3] or []))
