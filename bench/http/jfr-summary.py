#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples (bench/http/profile.sh): the top frames by self
time, and, per sample, which layer the running code belongs to (the top-most frame's package) and
whether any of BOAT's own frames is on the stack (inclusive share of io.boat)."""
import collections, json, subprocess, sys

LAYERS = [("io.boat.", "BOAT"), ("org.h2.", "H2"), ("org.eclipse.persistence.", "EclipseLink"),
          ("org.jboss.weld.", "Weld (CDI)"), ("org.glassfish.jersey.", "Jersey"),
          ("org.glassfish.grizzly.", "Grizzly (HTTP)"), ("com.sun.ejb.", "EJB container"),
          ("org.glassfish.ejb.", "EJB container"), ("com.sun.enterprise.security", "security"),
          ("org.glassfish.soteria", "security"), ("com.sun.enterprise.web", "web container"),
          ("org.apache.catalina.", "web container"), ("org.glassfish.", "other GlassFish"),
          ("fish.payara.", "Payara"), ("com.sun.enterprise.", "other GlassFish"),
          ("com.nimbusds.", "nimbus-jose-jwt"), ("org.eclipse.parsson", "JSON-P"),
          ("java.", "JDK"), ("javax.", "JDK"), ("jdk.", "JDK"), ("sun.", "JDK")]


def layer(name):
    for prefix, label in LAYERS:
        if name.startswith(prefix):
            return label
    return "other"


def main(path, jfr="jfr", top=25):
    out = subprocess.run([jfr, "print", "--json", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_frames, layers, ours = collections.Counter(), collections.Counter(), 0
    for e in events:
        frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
        if not frames:
            continue
        names = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames]
        self_frames[names[0]] += 1
        # The layer of the first frame that is not the JDK's: who asked for the work.
        layers[next((layer(n) for n in names if layer(n) != "JDK"), "JDK")] += 1
        ours += any(n.startswith("io.boat.") for n in names)
    n = sum(self_frames.values())
    print(f"{n} samples; BOAT frame anywhere on the stack: {100 * ours / max(n, 1):.1f}%")
    print("by layer (top-most non-JDK frame):")
    for name, c in layers.most_common():
        print(f"  {100 * c / n:5.1f}%  {name}")
    print(f"top {top} frames by self time:")
    for name, c in self_frames.most_common(top):
        print(f"  {100 * c / n:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1], *(sys.argv[2:3] or []))
