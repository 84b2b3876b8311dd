#!/usr/bin/env python3
"""Rebuild articles.jsonl (and manifest.tsv) of Pactwire's own agreements dev set from pinned public
GitHub repositories, by the written selection rule below. Python 3 standard library and git only.

usage:
    python3 build.py                         # sources at their default paths (see SOURCES), out /work/eval-own
    python3 build.py --state PATH --whitehouse PATH --cpi PATH --mlaw PATH --corp PATH [--out DIR]
    python3 build.py --strata                # print the candidate count of every stratum, write nothing

PATH is a git directory (a bare mirror or a clone) that holds the pinned commit. The two US government
sources are "git scraping" repositories: a scheduled job commits the live RSS feed (data.rss) again
whenever it changes, so the feed's history is the archive. build.py reads every version of data.rss
reachable from the pinned commit, newest first, and keeps for every item (keyed by its <guid>) the
newest version. The third source (cpi) is a set of CSV files (date, title, text) at its pinned commit.

Output (in --out, default /work/eval-own, outside the repository):
    articles.jsonl  one article per line: {"id","title","body","publishedAt","source"}  (tagger input)
    manifest.tsv    id, stratum, repository, commit, url, sha256 of title+"\\n"+body (written only into
                    another --out folder, or with --write-manifest: the copy here is the record)

It checks the selected ids against gold.tsv and every text against the SHA-256 recorded in this
folder's manifest.tsv, prints MISMATCH lines and exits 1 if anything differs.

Selection rule (deterministic; written before any annotation and before any tagger ran on the set):
  1. Pool: every item of the two feeds' histories at the pinned commits (the body is the item's
     <content:encoded> HTML with scripts and styles removed, tags turned into spaces or line breaks,
     entities decoded and blank runs collapsed), and every CPI row dated 2010 or later. Drop items whose title + body is shorter than 300 or
     longer than 2,500 characters, and exact duplicates (same normalised title + body; the first id in
     sorted order is kept).
  2. Order: every document gets the key sha256("own-agreements-v1:" + id); candidates are taken in
     ascending key order.
  3. Strata, in the order of STRATA below: a stratum's candidates are the pool documents of its source
     that match its regular expression (case-insensitive, on title + "\\n" + body), that are not
     already taken by an earlier stratum, and, for the hard-negative strata (N..), that do not match
     STRONG (explicit agreement wording). The first `quota` candidates in key order are taken.
  4. The P2x/N2x strata (the CPI source) were appended after the first 99 articles had been annotated and
     before any tagger ran; they reach only CPI documents, so they leave the first picks as they were.
  5. Third pass (P3x/N3x: Singapore's Ministry of Law; P4x/N4x: company newsroom releases), appended after the
     151 articles were frozen and written before any of the new articles was read or tagged; they reach only
     the two new sources, so the 151 picks stay. The ministry's pool is every press-release post dated 2010
     or later (Jekyll Markdown at the pinned commit, as text); the company pool is every release with an
     article text in any version of outputs/enriched.csv reachable from the pinned commit (per URL the
     newest), up to 4,000 characters because that pool is small.
"""
import argparse
import csv
import datetime
import email.utils
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MIRROR = os.environ.get("MIRROR_ROOT", "/work/.mirror")

SOURCES = {
    "state": {
        "repo": "markschaver/State-Department-PR",
        "commit": "cd530c3f052fb81ae5ecc187d0c335100d3de922",  # branch master, 2022-08-03
        "default": MIRROR + "/markschaver+State-Department-PR/repo",
        "site": "state.gov",
        "prefix": "usdos",
    },
    "whitehouse": {
        "repo": "markschaver/White-House-PR",
        "commit": "cd1f665b15379c90e69ed3d8967352bda8d37679",  # branch main, 2022-07-22
        "default": MIRROR + "/markschaver+White-House-PR/repo",
        "site": "whitehouse.gov",
        "prefix": "uswh",
    },
    "cpi": {
        "repo": "adellegia/topic-modeling-GAFAM-press-releases",
        "commit": "94961f85adf8711026ac7b65699310d28b404c69",  # branch main, 2022-11-27
        "default": MIRROR + "/adellegia+topic-modeling-GAFAM-press-releases/repo",
        "site": "competitionpolicyinternational.com",
        "prefix": "cpi",
        "files": ["data/raw/Google_raw_1.csv", "data/raw/Google_raw_2.csv", "data/raw/Google_raw_3.csv",
                  "data/raw/Google_raw_4.csv", "data/raw/Microsoft_raw.csv"],
    },
    # third pass: a non-US government (Singapore's Ministry of Law) and company press releases
    "mlaw": {
        "repo": "isomerpages/mlaw-corp",
        "commit": "a256d4d4de5c2a09768151fed4ae6d90f9d2ce30",  # branch staging, 2026-08-07
        "default": MIRROR + "/isomerpages+mlaw-corp/repo",
        "site": "mlaw.gov.sg",
        "prefix": "sgmlaw",
        "folder": "news/press-releases/_posts",
        "url": "https://www.mlaw.gov.sg",
    },
    "corp": {
        "repo": "krichards-gr/press-release-collection",
        "commit": "c912a6a30ff1e02ccd46e80e985d473e27c0ace6",  # branch main, 2026-02-12
        "default": MIRROR + "/krichards-gr+press-release-collection/repo",
        "site": "",  # the newsroom's host name, per article
        "prefix": "corp",
        "file": "outputs/enriched.csv",
        "max_chars": 4000,  # the pool is small (180 releases): allow releases up to 4,000 characters
    },
}

SALT = "own-agreements-v1:"
MIN_CHARS, MAX_CHARS = 300, 2500

# STRONG: explicit agreement wording; a hard-negative stratum skips documents that match it.
STRONG = (r"memorand(um|a) of|\bMoUs?\b|\bMoCs?\b|letters? of intent|joint (statement|declaration|communiqu)"
          r"|\btreat(y|ies)\b|framework agreement|co-?operation agreement|trade (agreement|deal|pact)|\bFTAs?\b"
          r"|loan agreement|credit (facility|agreement)|joint[- ]ventures?|\bmerger|takeover|definitive agreement"
          r"|acquisition of [A-Z]|to acquire [A-Z]|supply (agreement|contract)|award(ed|ing)? (of )?(the )?contracts?"
          r"|licen[cs]e agreement|settlement agreement|signed an? (\w+ )?(agreement|deal|contract|accord|pact)"
          r"|agreement (was|has been|had been) signed|reached an? (\w+ )?(agreement|deal)|\baccords?\b")

_MOC_LOI = r"memorand(um|a) of co-?operation|\bMoCs?\b|letters? of intent|declaration of intent"
_JD = r"joint (statement|declaration|communiqu)|(adopt|sign|endorse)\w* (a |the )?[\w' -]{0,40}declaration\b"
_FRAME_COOP = (r"framework agreement|framework (for|of) (co-?operation|partnership)|co-?operation agreement"
               r"|agreement (on|for) [\w ,-]{0,40}co-?operation|partnership agreement")
_TREATY = r"\btreat(y|ies)\b|\bconvention on\b|\bprotocol (on|to)\b|\baccords?\b"
_TRADE = r"free trade agreement|trade (agreement|deal|pact|framework)|\bUSMCA\b|economic framework"
_MOU = r"memorand(um|a) of understanding|\bMoUs?\b"
_LOAN = r"\bloans?\b|credit (facility|line)|debt (relief|restructuring|treatment)|\bIMF program"
_ACQ = r"\bacqui(re|res|red|sition)\b|\bmerger\b|\bstake\b"
_SUPPLY = r"\bcontracts?\b|procure(ment)?|purchase (of|agreement)|\bawarded\b"
_OTHER = r"ceasefire|cease-fire|truce|peace (agreement|accord|deal|process)|settlement|\blease\b|\bdeal\b"
_N_PROTOCOL = r"(health|safety|testing|quarantine|covid|security|medical)\W+(\w+\W+){0,3}protocols?\b"
_N_GENERIC = (r"in agreement with|agree(d|s)? (that|with)|(policy|legal|regulatory|institutional) framework"
              r"|in accordance with|(human|informal|illegal|israeli) settlements?|declar(ed|ation of) (a |an )?(state of )?(emergency|disaster)"
              r"|contract(ed|ing|ors?)\b|acquir(e|ed|ing) (the )?(skills|capabilities|weapons|technology)")

_LOAN2 = r"\bIMF\b|\bloans?\b|credit (facility|line|agreement)|debt (relief|restructuring|treatment)|bondholders"
_JV = r"joint[- ]ventures?"
_SUPPLY2 = (r"award(ed|ing)? (of )?(the )?contracts?|contracts? (to|for) (the )?(supply|procure|purchase|construct|build)"
            r"|supply (agreement|contract|deal)|distribution (agreement|deal)|purchase agreement|power purchase")
_OTHER2 = (r"licen[cs](e|ing) (agreement|deal)|settlement (agreement|with)|settle[sd]? (the )?(lawsuit|case|charges|claims)"
           r"|collective (bargaining )?agreement|wage (agreement|deal)|lease agreement|\blease\b"
           r"|ceasefire|peace (agreement|accord|deal)|consent decree")
_N_ACQ = (r"(customer|user|subscriber|talent|data|land|skill) acquisition|acquisition (cost|costs|of (the )?lands?)"
          r"|acqui(red|re|ring) (the )?(lands?|skills|knowledge|habits?|taste)")
_N_SETTLE = (r"(payment|clearing|securities|cash|trade) settlements?|settlement (system|date|cycle|price)"
             r"|human settlements?|(informal|urban|squatter|tribal) settlements?")

STRATA = [
    ("P01-moc-loi", "state", 2, _MOC_LOI), ("P01-moc-loi", "whitehouse", 2, _MOC_LOI),
    ("P02-jd", "state", 8, _JD), ("P02-jd", "whitehouse", 4, _JD),
    ("P03-framework-coop", "state", 6, _FRAME_COOP), ("P03-framework-coop", "whitehouse", 4, _FRAME_COOP),
    ("P04-treaty", "state", 7, _TREATY), ("P04-treaty", "whitehouse", 3, _TREATY),
    ("P05-trade", "state", 3, _TRADE), ("P05-trade", "whitehouse", 4, _TRADE),
    ("P06-mou", "state", 6, _MOU), ("P06-mou", "whitehouse", 2, _MOU),
    ("P07-loan", "state", 3, _LOAN), ("P07-loan", "whitehouse", 3, _LOAN),
    ("P08-acquisition", "whitehouse", 3, _ACQ), ("P08-acquisition", "state", 2, _ACQ),
    ("P09-supply", "whitehouse", 4, _SUPPLY), ("P09-supply", "state", 3, _SUPPLY),
    ("P10-other", "state", 6, _OTHER), ("P10-other", "whitehouse", 4, _OTHER),
    ("N01-protocol", "state", 3, _N_PROTOCOL), ("N01-protocol", "whitehouse", 2, _N_PROTOCOL),
    ("N02-generic", "state", 8, _N_GENERIC), ("N02-generic", "whitehouse", 8, _N_GENERIC),
    ("N03-any", "state", 4, r"."), ("N03-any", "whitehouse", 2, r"."),
    # second pass (added before any tagger ran, after the first 99 were annotated): antitrust news about
    # Google and Microsoft; these strata come after the first ones and only take cpi documents, so the
    # first 99 picks stay
    ("P21-loi-mou", "cpi", 3, _MOC_LOI + "|" + _MOU), ("P22-jv", "cpi", 3, _JV),
    ("P23-framework-coop", "cpi", 3, _FRAME_COOP), ("P24-treaty", "cpi", 2, _TREATY),
    ("P25-trade", "cpi", 3, _TRADE), ("P26-loan", "cpi", 1, _LOAN2),
    ("P27-acquisition", "cpi", 8, _ACQ), ("P28-supply", "cpi", 5, _SUPPLY2 + r"|\bcontracts?\b"),
    ("P29-other", "cpi", 9, _OTHER2 + r"|\bsettle"),
    ("N21-protocol", "cpi", 2, _N_PROTOCOL), ("N22-generic", "cpi", 6, _N_GENERIC),
    ("N23-acq-settle", "cpi", 4, _N_ACQ + "|" + _N_SETTLE + r"|smart contracts?"),
    ("N24-any", "cpi", 4, r"."),
    # third pass (added before any annotation of these sources and before any tagger ran on them): Singapore's
    # Ministry of Law press releases and company newsroom releases; appended at the end and reaching only the
    # two new sources, so the first 151 picks stay
    ("P31-treaty-convention", "mlaw", 5, _TREATY + r"|\bconventions?\b|mutual legal assistance|extradition"),
    ("P32-mou-moc", "mlaw", 5, _MOU + "|" + _MOC_LOI),
    ("P33-jd-framework-coop", "mlaw", 1, _JD + "|" + _FRAME_COOP),
    ("P34-agreement", "mlaw", 6, r"\bagreements?\b|\bsigned\b|\bpartnership\b"),
    ("P35-contract-lease", "mlaw", 3, _SUPPLY2 + r"|\blease\b|\btender\b|\bcontracts?\b"),
    ("N31-generic", "mlaw", 4, _N_GENERIC + "|" + _N_ACQ + "|" + _N_SETTLE
     + r"|\bprotocols?\b|land acquisition|smart contracts?|any future agreement"),
    ("N33-any", "mlaw", 3, r"."),
    ("P41-acquisition", "corp", 3, _ACQ + r"|\bto buy\b"),
    ("P42-partnership-licence", "corp", 9,
     r"partnership|collaborat|alliance|teams? up|agreement with|strategic agreement|licen[cs](e|es|ed|ing)\b"),
    ("P44-contract", "corp", 4, _SUPPLY2 + r"|\bcontracts?\b|\bselected by\b|\bawarded\b"),
    ("P45-credit-jv", "corp", 1, _LOAN2 + "|" + _JV + r"|\bfinancing\b"),
    ("N41-protocol-chain", "corp", 2, _N_PROTOCOL + r"|supply chains?|(trial|study|treatment) protocols?"),
    ("N42-customer-generic", "corp", 1, _N_ACQ + "|" + _N_GENERIC + r"|any future (agreement|deal|transaction)"),
    ("N43-any", "corp", 5, r"."),
]


def sha256(s):
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def text_of(d):
    return d["title"] + "\n" + d["body"]


def git(gitdir, *args, data=None):
    return subprocess.run(["git", "--git-dir", gitdir] + list(args), input=data, capture_output=True,
                          check=True).stdout


def html_to_text(s):
    s = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", s)
    s = re.sub(r"(?i)<br\s*/?>|</(p|div|li|h\d|tr)>", "\n", s)
    s = re.sub(r"<[^>]+>", " ", s)
    s = html.unescape(s).replace("\u00a0", " ")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", l).strip() for l in s.split("\n")]
    return "\n".join(l for l in lines if l)


def iso_date(rfc822):
    """RSS pubDate ("Fri, 11 Mar 2022 18:54:44 +0000") as ISO-8601 ("2022-03-11T18:54:44Z"); "" if absent."""
    if not rfc822.strip():
        return ""
    return email.utils.parsedate_to_datetime(rfc822).astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def field(item, tag):
    m = re.search(r"<%s\b[^>]*>(.*?)</%s>" % (tag, tag), item, re.S)
    if not m:
        return ""
    v = m.group(1).strip()
    c = re.fullmatch(r"<!\[CDATA\[(.*)\]\]>", v, re.S)
    return c.group(1) if c else html.unescape(v)


def load_feed_history(gitdir, conf):
    """Every item of every version of data.rss reachable from the pinned commit (newest version wins)."""
    commits = git(gitdir, "rev-list", conf["commit"], "--", "data.rss").decode().split()
    blobs = "".join("%s:data.rss\n" % c for c in commits).encode()
    out = git(gitdir, "cat-file", "--batch", data=blobs)
    docs, pos = {}, 0
    while pos < len(out):
        nl = out.index(b"\n", pos)
        head = out[pos:nl].split()
        size = int(head[2])
        feed = out[nl + 1:nl + 1 + size].decode("utf-8", "replace")
        pos = nl + 1 + size + 1
        for item in re.findall(r"<item>(.*?)</item>", feed, re.S):
            guid = field(item, "guid") or field(item, "link")
            m = re.search(r"[?&]p(?:age_id)?=(\d+)", guid)
            key = m.group(1) if m else sha256(guid)[:12]
            doc_id = "%s-%s" % (conf["prefix"], key)
            if doc_id in docs:
                continue  # newest version already kept
            title = html_to_text(field(item, "title"))
            body = html_to_text(field(item, "content:encoded") or field(item, "description"))
            docs[doc_id] = {"id": doc_id, "title": title, "body": body, "url": field(item, "link"),
                            "publishedAt": iso_date(field(item, "pubDate"))}
    return list(docs.values())


MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                       "September", "October", "November", "December"], 1)}


def load_csv_files(gitdir, conf):
    """Every row of the repository's per-company CSV files (date, title, text) dated 2010 or later."""
    csv.field_size_limit(1 << 30)
    docs = []
    for path in conf["files"]:
        raw = git(gitdir, "show", "%s:%s" % (conf["commit"], path)).decode("utf-8")
        for row in csv.DictReader(io.StringIO(raw)):
            m = re.fullmatch(r"(\w+) (\d{1,2}), (\d{4})", (row.get("date") or "").strip())
            if not m or m.group(1) not in MONTHS or int(m.group(3)) < 2010:
                continue
            date = "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(1)], int(m.group(2)))
            title = re.sub(r"\s+", " ", row.get("title") or "").strip()
            body = "\n".join(l.strip() for l in (row.get("text") or "").replace("\r", "").split("\n") if l.strip())
            key = sha256(title + "\n" + date)[:10]
            docs.append({"id": "%s-%s" % (conf["prefix"], key), "title": title, "body": body,
                         "url": "%s:%s" % (path, row.get("") or ""), "publishedAt": date})
    return docs


def markdown_to_text(s):
    """A Jekyll post body (Markdown with kramdown attributes and inline HTML) as plain text."""
    s = re.sub(r"(?m)^\{:[^}]*\}\s*$", "", s)                      # kramdown attribute lines
    s = re.sub(r"(?m)^.*Posted in \[[^\]]*\]\([^)]*\)\s*$", "", s)  # "3 Apr 2019 Posted in [Press releases](..)"
    s = re.sub(r"(?is)<p class=\"right-side-updated\">.*?</p>", "", s)
    s = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", s)                      # images
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)                    # links: keep the text
    s = re.sub(r"(?m)^#{1,6}\s*", "", s)
    s = s.replace("**", "").replace("__", "")
    return html_to_text(s.replace("\n", "<br>"))


def load_jekyll_posts(gitdir, conf):
    """Every post of the press-release folder at the pinned commit dated 2010 or later (date from the file name)."""
    names = git(gitdir, "ls-tree", "-r", "--name-only", conf["commit"], "--", conf["folder"]).decode().split("\n")
    docs = []
    for path in sorted(n for n in names if n.endswith(".md")):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})-", os.path.basename(path))
        if not m or int(m.group(1)) < 2010:
            continue
        raw = git(gitdir, "show", "%s:%s" % (conf["commit"], path)).decode("utf-8", "replace")
        fm = re.match(r"---\n(.*?)\n---\n", raw, re.S)
        head, body = (fm.group(1), raw[fm.end():]) if fm else ("", raw)
        t = re.search(r"(?m)^title:\s*(.*)$", head)
        title = t.group(1).strip().strip("'\"").strip() if t else ""
        link = re.search(r"(?m)^permalink:\s*(\S+)", head)
        docs.append({"id": "%s-%s" % (conf["prefix"], sha256(path)[:10]), "title": html.unescape(title),
                     "body": markdown_to_text(body), "url": conf["url"] + (link.group(1) if link else ""),
                     "publishedAt": "%s-%s-%s" % m.groups()})
    return docs


def load_csv_history(gitdir, conf):
    """Every row with an article text of every version of the CSV reachable from the pinned commit; per URL the
    newest version. Title: the page's own title (title_y), else the search result's (title_x)."""
    csv.field_size_limit(1 << 30)
    docs = {}
    for c in git(gitdir, "rev-list", conf["commit"], "--", conf["file"]).decode().split():
        raw = git(gitdir, "show", "%s:%s" % (c, conf["file"])).decode("utf-8", "replace")
        for row in csv.DictReader(io.StringIO(raw)):
            url, text = (row.get("url") or "").strip(), (row.get("article_text") or "").strip()
            doc_id = "%s-%s" % (conf["prefix"], sha256(url)[:10])
            if not url or not text or doc_id in docs:
                continue
            title = (row.get("title_y") or "").strip() or (row.get("title_x") or "").strip()
            date = re.match(r"\d{4}-\d{2}-\d{2}", (row.get("publish_date") or "").strip())
            body = "\n".join(l.strip() for l in text.replace("\r", "").split("\n") if l.strip())
            docs[doc_id] = {"id": doc_id, "title": re.sub(r"\s+", " ", title), "body": body, "url": url,
                            "publishedAt": date.group(0) if date else "",
                            "site": re.sub(r"^https?://([^/]+).*$", r"\1", url)}
    return list(docs.values())


LOADERS = {"state": load_feed_history, "whitehouse": load_feed_history, "cpi": load_csv_files,
           "mlaw": load_jekyll_posts, "corp": load_csv_history}


def select(pool):
    eligible = {}
    for src, docs in pool.items():
        seen, keep = set(), []
        for d in sorted(docs, key=lambda d: d["id"]):
            t = text_of(d)
            if not (MIN_CHARS <= len(t) <= SOURCES[src].get("max_chars", MAX_CHARS)):
                continue
            norm = re.sub(r"\s+", " ", t).strip().lower()
            if norm in seen:
                continue
            seen.add(norm)
            keep.append(d)
        eligible[src] = sorted(keep, key=lambda d: sha256(SALT + d["id"]))
    strong = re.compile(STRONG, re.I)
    taken, chosen = set(), []
    for name, src, quota, rx in STRATA:
        rx = re.compile(rx, re.I)
        n = 0
        for d in eligible[src]:
            if n >= quota:
                break
            if d["id"] in taken:
                continue
            t = text_of(d)
            if not rx.search(t):
                continue
            if name.startswith("N") and strong.search(t):
                continue
            taken.add(d["id"])
            chosen.append((name, src, d))
            n += 1
    return chosen, eligible


def strata_counts(eligible):
    strong = re.compile(STRONG, re.I)
    for name, src, quota, rx in STRATA:
        rx = re.compile(rx, re.I)
        n = sum(1 for d in eligible[src]
                if rx.search(text_of(d)) and not (name.startswith("N") and strong.search(text_of(d))))
        print("%-20s %-11s quota %2d  candidates %5d" % (name, src, quota, n))


def read_tsv_col(path, col):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    i = rows[0].index(col)
    return [r[i] if i < len(r) else "" for r in rows[1:]], [r[0] for r in rows[1:]]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--state", default=SOURCES["state"]["default"], help="git dir of markschaver/State-Department-PR")
    ap.add_argument("--whitehouse", default=SOURCES["whitehouse"]["default"], help="git dir of markschaver/White-House-PR")
    ap.add_argument("--cpi", default=SOURCES["cpi"]["default"], help="git dir of adellegia/topic-modeling-GAFAM-press-releases")
    ap.add_argument("--mlaw", default=SOURCES["mlaw"]["default"], help="git dir of isomerpages/mlaw-corp")
    ap.add_argument("--corp", default=SOURCES["corp"]["default"], help="git dir of krichards-gr/press-release-collection")
    ap.add_argument("--out", default="/work/eval-own", help="folder for articles.jsonl (default /work/eval-own)")
    ap.add_argument("--strata", action="store_true", help="print the candidates of every stratum and stop")
    ap.add_argument("--write-manifest", action="store_true", help="rewrite this folder's manifest.tsv (maintainers)")
    a = ap.parse_args()
    paths = {"state": a.state, "whitehouse": a.whitehouse, "cpi": a.cpi, "mlaw": a.mlaw, "corp": a.corp}

    pool = {}
    for src, conf in SOURCES.items():
        pool[src] = LOADERS[src](paths[src], conf)
        print("build.py: %-10s %5d items from %s" % (src, len(pool[src]), paths[src]), file=sys.stderr)
    chosen, eligible = select(pool)
    if a.strata:
        strata_counts(eligible)
        return 0

    problems = []
    gold = read_tsv_col(os.path.join(HERE, "gold.tsv"), "id")
    if gold:
        want, got = set(gold[1]), set(d["id"] for _n, _s, d in chosen)
        for i in sorted(want - got):
            problems.append("selected no %s (it is in gold.tsv)" % i)
        for i in sorted(got - want):
            problems.append("selected %s (it is not in gold.tsv)" % i)
    man = read_tsv_col(os.path.join(HERE, "manifest.tsv"), "sha256")
    recorded = dict(zip(man[1], man[0])) if man else {}

    os.makedirs(a.out, exist_ok=True)
    arts, rows = [], []
    for name, src, d in chosen:
        h = sha256(text_of(d))
        if d["id"] in recorded and recorded[d["id"]] != h:
            problems.append("%s: text differs from manifest.tsv" % d["id"])
        arts.append({"id": d["id"], "title": d["title"], "body": d["body"],
                     "publishedAt": d["publishedAt"], "source": d.get("site") or SOURCES[src]["site"]})
        rows.append([d["id"], name, SOURCES[src]["repo"], SOURCES[src]["commit"], d["url"], h])
    with open(os.path.join(a.out, "articles.jsonl"), "w", encoding="utf-8") as f:
        for art in arts:
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    if not recorded or a.write_manifest or os.path.realpath(a.out) != os.path.realpath(HERE):
        target = HERE if (not recorded or a.write_manifest) else a.out
        with open(os.path.join(target, "manifest.tsv"), "w", encoding="utf-8") as f:
            f.write("id\tstratum\trepository\tcommit\turl\tsha256\n")
            for r in rows:
                f.write("\t".join(r) + "\n")
    print("build.py: wrote %d articles to %s" % (len(arts), os.path.join(a.out, "articles.jsonl")), file=sys.stderr)
    for p in problems:
        print("build.py: MISMATCH: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
