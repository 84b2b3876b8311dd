#!/usr/bin/env python3
"""Compare how Pactwire and feedparser read feedparser's own test corpus.

For every feed file of the `tests/` folder of kurtmckee/feedparser: whether feedparser parses it
without error (bozo == 0) and how many entries it finds, and whether Pactwire reads it (FeedReader,
through the test tool io.pactwire.ingest.FeedCorpus) and how many items and articles it makes of
it. Prints both counts and the disagreements. The corpus is read from a git mirror of that repository
and never copied into this one.

    apt-get install -y python3-feedparser     # Debian's feedparser
    ./mvnw -B -o -q test-compile -pl ingest -am
    /usr/bin/python3 ingest/scripts/feed_compare.py --mirror /path/to/feedparser.git [--show 40]
"""
import argparse
import collections
import os
import subprocess
import sys
import tarfile
import tempfile
import io

import feedparser

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def corpus(mirror, into):
    """Extracts tests/ of the mirror's HEAD into `into`; returns the feed files, sorted."""
    archive = subprocess.run(["git", "--git-dir", mirror, "archive", "HEAD", "tests"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into)  # our own mirror's archive: no absolute or .. paths in it
    files = []
    for folder, _, names in os.walk(os.path.join(into, "tests")):
        files += [os.path.join(folder, n) for n in names if n.endswith(".xml")]
    return sorted(files)


def classpath():
    """ingest's test class path, as Maven resolves it offline (the modules it needs from their target folders)."""
    out = os.path.join(ROOT, "ingest", "target", "feed-compare.classpath")
    subprocess.run([os.path.join(ROOT, "mvnw"), "-B", "-o", "-q", "-f", os.path.join(ROOT, "ingest", "pom.xml"),
                    "dependency:build-classpath", "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + out],
                   check=True, cwd=ROOT)
    with open(out) as f:
        deps = [p for p in f.read().strip().split(os.pathsep) if "pactwire-" not in os.path.basename(p)]
    modules = [os.path.join(ROOT, m, "target", "classes") for m in ("model", "testkit", "ingest")]
    return os.pathsep.join([os.path.join(ROOT, "ingest", "target", "test-classes")] + modules + deps)


def pactwire(files, before=None):
    cp = classpath() if before is None else before + os.pathsep + classpath()
    run = subprocess.run(["java", "-cp", cp, "io.pactwire.ingest.FeedCorpus"], input="\n".join(files),
                         capture_output=True, text=True, check=True)
    result = {}
    for line in run.stdout.splitlines():
        path, outcome, items, articles, reason = line.split("\t", 4)
        result[path] = (outcome, int(items), int(articles), reason)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", default="/work/.mirror/kurtmckee+feedparser/repo", help="git dir of kurtmckee/feedparser")
    parser.add_argument("--before", help="classes put first on the class path, to measure another FeedReader"
                        " (an earlier commit's, compiled against ingest's class path)")
    parser.add_argument("--show", type=int, default=40, help="disagreements listed per kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = corpus(args.mirror, tmp)
        ours = pactwire(files, args.before)
        theirs = {}
        for f in files:
            try:
                d = feedparser.parse(f)
                theirs[f] = (not d.bozo, len(d.entries), type(d.get("bozo_exception")).__name__ if d.bozo else "")
            except Exception as e:  # feedparser itself fails on a few: counted as not read cleanly
                theirs[f] = (False, 0, "crash " + type(e).__name__)
        rel = lambda f: os.path.relpath(f, tmp)
        clean = [f for f in files if theirs[f][0]]
        same = [f for f in clean if ours[f][0] == "read" and ours[f][1] == theirs[f][1]]
        other_count = [f for f in clean if ours[f][0] == "read" and ours[f][1] != theirs[f][1]]
        not_read = [f for f in clean if ours[f][0] != "read"]
        bozo = [f for f in files if not theirs[f][0]]
        bozo_read = [f for f in bozo if ours[f][0] == "read"]
        print(f"feedparser {feedparser.__version__}, corpus {len(files)} feed files (tests/**/*.xml)")
        print(f"feedparser reads without error (bozo=0): {len(clean)}; entries {sum(theirs[f][1] for f in clean)}")
        print(f"Pactwire reads: {sum(1 for f in files if ours[f][0] == 'read')} of {len(files)};"
              f" rejected {sum(1 for f in files if ours[f][0] == 'rejected')}, not a feed {sum(1 for f in files if ours[f][0] == 'not-a-feed')}")
        print(f"of feedparser's {len(clean)}: Pactwire reads {len(same)} with the same entry count,"
              f" {len(other_count)} with another count, does not read {len(not_read)}")
        print(f"of the {len(bozo)} feedparser flags bozo (it then reads what it can): Pactwire reads {len(bozo_read)},"
              f" {sum(1 for f in bozo_read if ours[f][1] == theirs[f][1])} of them with feedparser's entry count")
        without_channel = [f for f in not_read if ours[f][3] == "RSS without <channel>"]
        print(f"of the {len(not_read)} clean ones Pactwire does not read, {len(without_channel)} are an <rss> without <channel>"
              f" ({sum(1 for f in without_channel if theirs[f][1] == 0)} of them with no entries at all)")
        reasons = collections.Counter((ours[f][0] + ": " + ours[f][3][:70]) for f in not_read)
        print("\nwhy Pactwire does not read what feedparser reads cleanly:")
        for reason, n in reasons.most_common():
            print(f"  {n:5d}  {reason}")
        print("\nread with another entry count (feedparser, Pactwire items):")
        for f in other_count[:args.show]:
            print(f"  {rel(f)}: {theirs[f][1]} vs {ours[f][1]}")
        print("\nnot read by Pactwire, read cleanly by feedparser:")
        for f in not_read[:args.show]:
            print(f"  {rel(f)}: {ours[f][0]} {ours[f][3][:100]}")
        print("\nfeedparser bozo, by exception, and what Pactwire does:")
        kinds = collections.Counter((theirs[f][2], ours[f][0]) for f in bozo)
        for (kind, outcome), n in kinds.most_common():
            print(f"  {n:5d}  {kind} -> Pactwire {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
