#!/usr/bin/env python3
"""Copies the newest bench table (bench/results/latest.md) into README.md and docs/performance.md, between the
markers `<!-- bench:begin -->` and `<!-- bench:end -->`. Run after `make bench` when its figures should become
the published ones (`make bench-publish`)."""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
latest = open(os.path.join(ROOT, "bench", "results", "latest.md")).read()
# Drop the title line: the including document has its own heading.
body = latest.split("\n", 1)[1].strip() if latest.startswith("# ") else latest.strip()
title = latest.split("\n", 1)[0].lstrip("# ").strip()
block = f"<!-- bench:begin -->\n_{title}_ (`bench/results/latest.md`, copied by `make bench-publish`)\n\n{body}\n<!-- bench:end -->"
for doc in ("README.md", os.path.join("docs", "performance.md")):
    path = os.path.join(ROOT, doc)
    text = open(path).read()
    pattern = re.compile(r"<!-- bench:begin -->.*?<!-- bench:end -->", re.S)
    if not pattern.search(text):
        sys.exit(f"{doc}: no <!-- bench:begin --> ... <!-- bench:end --> markers")
    open(path, "w").write(pattern.sub(lambda _: block, text))
    print(f"bench table copied into {doc}")
