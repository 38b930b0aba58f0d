#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) into the markdown tables of docs/benchmarks.md.

Usage: benchmarks/report.py /tmp/jmh.json [BEFORE.json]

One table per benchmark class: per workload, every method's requests/s and samples/s (the
SampleCounter aux counter), and the ratio of hand to each other method. With a second file, a
before/after table of the hand paths too.
"""
import json
import sys
from collections import defaultdict


def load(path):
    rows = defaultdict(dict)  # (class, workload) -> method -> (ops, ops_err, samples, samples_err)
    for r in json.load(open(path)):
        cls, method = r["benchmark"].rsplit(".", 2)[-2:]
        workload = r.get("params", {}).get("workload", "-")
        p = r["primaryMetric"]
        s = r.get("secondaryMetrics", {}).get("samples", {})
        rows[(cls, workload)][method] = (p["score"], p["scoreError"], s.get("score", float("nan")),
                                         s.get("scoreError", float("nan")))
    return rows


def fmt(x):
    return f"{x:,.0f}"


def tables(rows):
    out = []
    for cls in sorted({c for c, _ in rows}):
        out.append(f"### {cls}\n")
        out.append("| workload | method | requests/s | samples/s | ± (99.9%) | hand ÷ this |")
        out.append("|---|---|---:|---:|---:|---:|")
        for (c, workload), methods in sorted(rows.items()):
            if c != cls:
                continue
            hand = methods.get("hand")
            for m in ["hand"] + sorted(k for k in methods if k != "hand"):
                ops, _, smp, smp_err = methods[m]
                ratio = "" if m == "hand" or hand is None else f"**{hand[0] / ops:.2f}x**"
                out.append(f"| {workload} | `{m}` | {fmt(ops)} | {fmt(smp)} | {fmt(smp_err)} | {ratio} |")
        out.append("")
    return "\n".join(out)


def before_after(before, after):
    out = ["| benchmark | workload | method | before samples/s | after samples/s | after ÷ before |",
           "|---|---|---|---:|---:|---:|"]
    for key in sorted(after):
        for m in sorted(after[key]):
            if key in before and m in before[key]:
                b = before[key][m][2]
                a = after[key][m][2]
                out.append(f"| {key[0]} | {key[1]} | `{m}` | {fmt(b)} | {fmt(a)} | {a / b:.2f}x |")
    return "\n".join(out)


if __name__ == "__main__":
    after = load(sys.argv[1])
    print(tables(after))
    if len(sys.argv) > 2:
        print(before_after(load(sys.argv[2]), after))
