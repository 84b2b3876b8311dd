#!/usr/bin/env python3
"""Compare how Pactwire and feedparser read feedparser's own test corpus.

For every feed file of the `tests/` folder of kurtmckee/feedparser: whether feedparser parses it
without error (bozo == 0) and how many entries it finds, and whether Pactwire reads it (FeedReader,
through the test tool io.pactwire.ingest.FeedCorpus) and how many items and articles it makes of
it. Prints both counts, and each remaining disagreement with its class (clean or bozo in feedparser;
not read, another entry count, rejected, not a feed) and both sides' reasons. The corpus is read from a git mirror of that repository
and never copied into this one.

    apt-get install -y python3-feedparser     # Debian's feedparser
    ./mvnw -B -o -q test-compile -pl ingest -am
    /usr/bin/python3 ingest/scripts/feed_compare.py --mirror /path/to/feedparser.git [--show 40]

To measure an earlier commit, compile its ingest classes and its FeedCorpus (they go together) into a folder
and pass it as --before:

    mkdir -p /tmp/old && git archive COMMIT ingest/src/main/java ingest/src/test/java/io/pactwire/ingest/FeedCorpus.java | tar x -C /tmp/old
    javac -d /tmp/old/out -cp "$(cat ingest/target/feed-compare.classpath):model/target/classes" $(find /tmp/old/ingest -name '*.java')
"""
import argparse
import collections
import os
import subprocess
import sys
import tarfile
import tempfile
import io
import re

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


POSITION = re.compile(r"^<unknown>:\d+:\d+: |Error on line \d+: ")


def difference(theirs, ours):
    """The class of one disagreement: (kind, verdict, feedparser's reason, Pactwire's), without line numbers."""
    clean, entries, kind, message = theirs
    outcome, items, _, reason = ours
    their_reason = "no error" if clean else f"{kind}: {POSITION.sub('', message)}"[:110]
    our_reason = (f"{outcome}: {POSITION.sub('', reason.replace('not a valid RSS or Atom feed: ', ''))}" if reason
                  else f"{outcome}, {items} items")[:110]
    if clean:
        kind = "clean, not read" if outcome != "read" else "clean, another entry count"
        verdict = "refused by design (security)" if "DOCTYPE" in reason else "a difference to close"
    else:
        kind = "bozo, " + ("read with another entry count" if outcome == "read" else outcome)
        if outcome == "read":
            verdict = "both read it, as far as each can"
        elif "SAXParseException" in their_reason and ("Invalid XML" in reason or outcome == "not-a-feed"):
            verdict = "both find it not well-formed"
        elif "DOCTYPE" in reason:
            verdict = "refused by design (security)"
        else:
            verdict = "feedparser reads it, with an error"
    return kind, verdict, their_reason, our_reason


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", default="/work/.mirror/kurtmckee+feedparser/repo", help="git dir of kurtmckee/feedparser")
    parser.add_argument("--before", help="classes put first on the class path, to measure another FeedReader"
                        " (an earlier commit's ingest classes with its FeedCorpus, compiled against ingest's class path)")
    parser.add_argument("--show", type=int, default=40, help="disagreements listed per kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = corpus(args.mirror, tmp)
        ours = pactwire(files, args.before)
        theirs = {}
        for f in files:
            try:
                d = feedparser.parse(f)
                error = d.get("bozo_exception")
                theirs[f] = (not d.bozo, len(d.entries), type(error).__name__ if d.bozo else "", str(error) if d.bozo else "")
            except Exception as e:  # feedparser itself fails on a few: counted as not read cleanly
                theirs[f] = (False, 0, "crash " + type(e).__name__, str(e))
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
        noted = collections.Counter(ours[f][3] for f in files if ours[f][0] == "read" and ours[f][3])
        for note, n in noted.most_common():
            empty = sum(1 for f in files if ours[f][0] == "read" and ours[f][3] == note and ours[f][1] == 0)
            print(f"read with a note: {n} \"{note}\" ({empty} of them with no items, which ingest reports as skipped"
                  f" with that reason)")
        differences = collections.defaultdict(list)
        for f in files:
            if theirs[f][0] and f in same or not theirs[f][0] and ours[f][0] == "read" and ours[f][1] == theirs[f][1]:
                continue
            differences[difference(theirs[f], ours[f])].append(f)
        print(f"\nremaining differences: {sum(len(v) for v in differences.values())} files, by class and reason"
              f" (feedparser's, Pactwire's):")
        for (kind, verdict, their_reason, our_reason), fs in sorted(differences.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
            print(f"  {len(fs):5d}  {kind}, {verdict}")
            print(f"         feedparser: {their_reason}")
            print(f"         Pactwire:   {our_reason}")
            for f in fs[:args.show]:
                print(f"           {rel(f)}: {theirs[f][1]} entries vs {ours[f][1]} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
