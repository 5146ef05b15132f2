#!/usr/bin/env python3
"""Train the confidence model of saywho and check how well it is calibrated.

usage:
  tools/train_confidence.py [train] [--build DIR] [--train GOLD.jsonl[:WEIGHT] ...]
                            [--eval GOLD.jsonl ...] [--out FILE.c] [--scorer score.py]
                            [--folds K] [--l2 L]
  tools/train_confidence.py report GOLD.jsonl PRED.jsonl [GOLD.jsonl PRED.jsonl ...] [--scorer score.py]

train (the default; run it from the repository root, with saywho configured in build/):
  1. builds the feature tool (cmake --build DIR --target conf_features) and runs it on each
     training set: the features of every statement saywho finds there (src/attribute/confidence.c);
  2. labels each statement as ../shared/eval/score.py counts it (its own functions do the
     matching): right when it matches a gold statement (more than 30 % of it, greedy one-to-one)
     and its speaker's name names the gold source; statements on `ignore` spans and, under
     `parts_ok`, parts of a matched statement are neither right nor wrong and are left out. A gold
     set whose sources are words, not resolved names (PolNeAR's train split), is labelled from
     those words (proxy_right(); checked on polnear_dev, whose sources are resolved: the proxy
     agrees with the real label on 89 % of the matched statements, and rates 82 % of them right
     against 86 %); there, a continuing or floating quotation the annotators left out is left out
     too (PolNeAR's guide keeps “Q1,” S said, “Q2” as one span);
  3. fits a logistic regression (L2, Newton's method: deterministic, no random start; a set's
     weight counts each of its statements that many times), chooses the L2 strength by K-fold
     cross-validation over articles (folds fixed by a seeded shuffle; the mean of the sets' log
     losses decides) and prints the cross-validated figures of each set with its reliability table;
  4. writes the weights as a C table (--out, default src/attribute/confidence_model.c), with the
     command, the training data and the cross-validated figures in its header;
  5. prints, for each --eval set that was not trained on (default: polnear_dev and the seed
     article), the new model's figures and reliability table. Rebuild saywho to use the new table.
  The default training sets are polnear_train and dev_wikinews (weight 5): see DEFAULT_TRAIN.

report: the reliability of the `confidence` in a prediction file (saywho extract's output) against
  its gold, labelled as score.py counts: bins of confidence against the share right, and the
  issue's figures (statements >= 0.9, the share of them that is right, their share of all).

Python 3 standard library only. The output is deterministic for the same inputs.
"""
import argparse
import importlib.util
import json
import math
import os
import random
import re
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
# The training sets and their weights. PolNeAR's train split is large but follows PolNeAR's guide
# and gives sources as words only (its labels are a proxy: label_articles); dev_wikinews is small
# but follows our guide and resolves every source, so each of its statements counts 5 times (about
# a fifth of the training then). Its figures are reported cross-validated, never in-sample.
DEFAULT_TRAIN = [os.path.join(SHARED, "data", "polnear", "polnear_train.gold.jsonl"),
                 os.path.join(SHARED, "eval", "dev_wikinews.gold.jsonl") + ":5"]
DEFAULT_EVAL = [os.path.join(SHARED, "data", "polnear", "polnear_dev.gold.jsonl"),
                os.path.join(SHARED, "eval", "dev_wikinews.gold.jsonl"),
                os.path.join(SHARED, "data", "seed", "putin-lukashenko.gold.jsonl")]
DEFAULT_SCORER = os.path.join(SHARED, "eval", "score.py")
DEFAULT_OUT = os.path.join("src", "attribute", "confidence_model.c")
SEED = 11
L2_GRID = [0.3, 1.0, 3.0, 10.0, 30.0]
HIGH = 0.9
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "who", "which", "that"}


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("sw_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def has_resolved_sources(gold):
    """A gold set names who spoke (`reference` differs from the speaker's words somewhere), or
    only gives the words (PolNeAR's train split: reference == speaker everywhere)."""
    return any(q.get("reference") != q.get("speaker") for g in gold for q in g["quotes"])


HEAD_ENDS = {"of", "for", "at", "from", "with", "in", "on", "to", "who", "and"}


def head_phrase(words):
    """The words up to the head of a source's words: before the first comma or linking word
    ("A spokeswoman for Hillary Clinton" -> "A spokeswoman"; "Joel Pollak of Breitbart" -> "Joel Pollak")."""
    out = []
    words = re.sub(r"\([^)]*\)", " ", words)
    for t in words.replace(",", " , ").split():
        if t == "," or (out and t in HEAD_ENDS):
            break
        out.append(t)
    return " ".join(out)


def written_as_name(words):
    """The source's words are a name: the head of the phrase (its last word before a comma or a
    linking word) is capitalised ("The New York Post", "Joel Pollak of Breitbart"), unlike a
    description ("The GOP nominee", "A spokeswoman for Hillary Clinton") or a pronoun."""
    head = head_phrase(words).split()
    if not head or (len(head) == 1 and head[0].lower() in PRONOUNS):
        return False
    return head[-1][:1].isupper()


DEFINITE = {"the"}


def name_parts(words):
    """The names among the comma-separated parts of a source's words, each cut to its last run of
    capitalised words ("her senior policy adviser, Jake Sullivan," -> ["Jake Sullivan"];
    "longtime Hillary Clinton aide Huma Abedin" -> ["Huma Abedin"]): whom the words name."""
    out = []
    for part in re.split(r",| and ", re.sub(r"\([^)]*\)", " ", words)):
        if not written_as_name(part):
            continue
        run = []
        for t in head_phrase(part).split():
            run = run + [t] if t[:1].isupper() else []
        if run:
            out.append(" ".join(run))
    return out


def proxy_right(name, words, named, scorer=None):
    """Whether the predicted speaker name is right, judged from the gold's speaker words alone
    (a gold set whose sources are not resolved): `words` name the source of this statement, and
    `named` are the names of the sources of the article's statements (name_parts).
    - words that hold a name ("Joel Pollak of Breitbart", "her adviser, Jake Sullivan,"): the
      predicted name names it;
    - a definite description ("the agency", "the senator"): an annotator who resolves sources would
      name whom it means, so a prediction that kept a description is wrong, and a named speaker is
      right when the article quotes them by name somewhere;
    - other descriptions ("a source", "officials"): the predicted name names the words' head, or
      the article quotes the predicted speaker by name somewhere;
    - a pronoun, or no words: the article quotes the predicted speaker by name somewhere (measured
      on polnear_dev, whose sources are resolved, this rates pronoun statements as right about as
      often as the resolved sources do: 74 % against 77 %)."""
    sc = scorer or _SCORER
    if not name:
        return False
    parts = name_parts(words)
    if parts:
        return any(sc.names_match(name, p) for p in parts)
    if written_as_name(name):
        return any(sc.names_match(name, n) for n in named)
    first = words.split()[0].lower() if words.split() else ""
    return first not in DEFINITE and sc.names_match(name, head_phrase(words))


_SCORER = None


def ignored_preds(g, gq, pq, pairs):
    """Predictions that score.py leaves out: on an ignore span, or (parts_ok) a part of a matched
    gold statement. Mirrors score.py."""
    used = {pi for _, pi in pairs}
    ign = [i for i in g.get("ignore", []) if i["end"] > i["start"]]
    out = set()
    ov = lambda a0, a1, b0, b1: max(0, min(a1, b1) - max(a0, b0))
    for pi, p in enumerate(pq):
        if pi in used or not ign:
            continue
        plen = max(1, p["end"] - p["start"])
        if any(ov(i["start"], i["end"], p["start"], p["end"]) > 0.3 * (i["end"] - i["start"]) or
               ov(i["start"], i["end"], p["start"], p["end"]) > 0.5 * plen for i in ign):
            out.add(pi)
    if g.get("parts_ok"):
        spans = [gq[gi] for gi, _ in pairs]
        for pi, p in enumerate(pq):
            if pi in used or pi in out:
                continue
            plen = max(1, p["end"] - p["start"])
            if any(ov(m["start"], m["end"], p["start"], p["end"]) > 0.5 * plen for m in spans):
                out.add(pi)
    return out


def label_articles(scorer, gold, preds, resolved, names=None):
    """[(article id, prediction, label)] for every counted prediction (label 1 = right). `names`:
    the feature names of the predictions' "x" (for the training labels of a set whose sources
    are not resolved)."""
    index = {n: i for i, n in enumerate(names)} if names else None
    gold_by_id = {g["id"]: g for g in gold}
    rows = []
    for p in preds:
        g = gold_by_id.get(p.get("id"))
        if g is None:
            continue
        gq, pq = g["quotes"], p.get("quotes", [])
        pairs = scorer.match_quotes(gq, pq, 0.3)
        named = [n for q in gq for n in name_parts(q.get("speaker") or "")]
        right = set()
        for gi, pi in pairs:
            gqi = gq[gi]
            name, mention = scorer.speaker_of(pq[pi])
            if resolved:
                ok = scorer.names_match(name, gqi["reference"])
            else:
                ok = proxy_right(name, gqi.get("speaker") or "", named, scorer)
            if ok:
                right.add(pi)
        skip = ignored_preds(g, gq, pq, pairs)
        if not resolved and g.get("parts_ok") and index is not None:
            # the gold's guide is not ours: a quotation that continues an attribution (“Q1,” S
            # said. “Q2”) or floats after it is a statement by our guide, but its annotators
            # often left it out; unmatched, it is neither right nor wrong
            used = {pi for _, pi in pairs}
            for pi, q in enumerate(pq):
                x = q["x"]
                if pi not in used and x[index["kind_direct"]] and (x[index["continues"]] or x[index["floating"]]):
                    skip.add(pi)
        for pi, q in enumerate(pq):
            if pi not in skip:
                rows.append((g["id"], q, 1 if pi in right else 0))
    return rows


# ---- logistic regression --------------------------------------------------------------------

def sparse(x):
    return [(i, v) for i, v in enumerate(x) if v != 0.0]


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def solve(a, b):
    """Solves a x = b (a symmetric positive definite, n x n) by Cholesky."""
    n = len(b)
    low = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            s = a[i][j] - sum(low[i][k] * low[j][k] for k in range(j))
            if i == j:
                low[i][i] = math.sqrt(max(s, 1e-12))
            else:
                low[i][j] = s / low[j][j]
    y = [0.0] * n
    for i in range(n):
        y[i] = (b[i] - sum(low[i][k] * y[k] for k in range(i))) / low[i][i]
    x = [0.0] * n
    for i in reversed(range(n)):
        x[i] = (y[i] - sum(low[k][i] * x[k] for k in range(i + 1, n))) / low[i][i]
    return x


def fit(rows, n_feat, l2, iters=30):
    """L2-regularised logistic regression by Newton's method. rows: [(sparse x, label, weight)].
    The bias (last weight) is not regularised. Returns the weights, bias last."""
    n = n_feat + 1
    w = [0.0] * n
    for _ in range(iters):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for xs, y, wt in rows:
            xs = xs + [(n_feat, 1.0)]
            p = sigmoid(sum(w[i] * v for i, v in xs))
            r = (p - y) * wt
            h = max(p * (1.0 - p), 1e-9) * wt
            for i, v in xs:
                grad[i] += r * v
                hi = hess[i]
                for j, u in xs:
                    if j <= i:
                        hi[j] += h * v * u
        for i in range(n_feat):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        hess[n_feat][n_feat] += 1e-6
        for i in range(n):
            for j in range(i):
                hess[j][i] = hess[i][j]
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def predict(w, xs):
    n_feat = len(w) - 1
    return sigmoid(w[n_feat] + sum(w[i] * v for i, v in xs))


# ---- figures --------------------------------------------------------------------------------

BINS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001]


def figures(pairs):
    """pairs: [(predicted probability, label)]. The issue's figures and the calibration."""
    n = len(pairs)
    hi = [(p, y) for p, y in pairs if p >= HIGH]
    right = sum(y for _, y in pairs)
    ll = -sum(math.log(max(1e-12, p if y else 1.0 - p)) for p, y in pairs) / max(1, n)
    brier = sum((p - y) ** 2 for p, y in pairs) / max(1, n)
    ece = 0.0
    for lo, up in zip(BINS, BINS[1:]):
        b = [(p, y) for p, y in pairs if lo <= p < up]
        if b:
            ece += len(b) / n * abs(sum(p for p, _ in b) / len(b) - sum(y for _, y in b) / len(b))
    return {"n": n, "right": right, "hi": len(hi), "hi_right": sum(y for _, y in hi),
            "log_loss": ll, "brier": brier, "ece": ece}


def summary_line(name, f):
    hi_acc = 100.0 * f["hi_right"] / f["hi"] if f["hi"] else 0.0
    share = 100.0 * f["hi"] / f["n"] if f["n"] else 0.0
    return (f"{name:<16} statements {f['n']:5d}, right {100.0 * f['right'] / max(1, f['n']):5.1f} %; "
            f">= {HIGH}: {f['hi']:5d} ({share:5.1f} % of all), {hi_acc:5.1f} % right; "
            f"log loss {f['log_loss']:.3f}, Brier {f['brier']:.3f}, ECE {f['ece']:.3f}")


def reliability_table(name, pairs):
    lines = [f"reliability: {name}", "  confidence      n   mean conf   share right"]
    for lo, up in zip(BINS, BINS[1:]):
        b = [(p, y) for p, y in pairs if lo <= p < up]
        if not b:
            continue
        mean = sum(p for p, _ in b) / len(b)
        obs = sum(y for _, y in b) / len(b)
        lines.append(f"  {lo:.2f}-{min(up, 1.0):.2f}  {len(b):6d}   {mean:9.3f}   {obs:11.3f}")
    return "\n".join(lines)


# ---- the generated table --------------------------------------------------------------------

def write_table(path, names, w, header_lines, trained_on):
    n = len(names)
    out = ["/*", " * GENERATED by tools/train_confidence.py; do not edit.", " *"]
    for line in header_lines:
        indent = " " * (len(line) - len(line.lstrip()))
        for k, part in enumerate(textwrap.wrap(line.strip(), 96 - len(indent)) or [""]):
            out.append((" * " + indent + ("  " if k else "") + part).rstrip())
    out += [" */", '#include "attribute/confidence.h"', "",
            "/* The features the weights were trained with, in order (sw_conf_feature_names). */",
            "static const char *const feature_names[] = {"]
    out += [f'    "{nm}",' for nm in names]
    out += ["};", "", "static const float weights[] = {"]
    out += [f"    {w[i]: .6f}f, /* {names[i]} */" for i in range(n)]
    out += ["};", "", "const sw_conf_model sw_conf_model_default = {",
            f"    feature_names, weights, {n}, {w[n]:.6f}f,",
            f'    "{trained_on}",', "};", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


# ---- commands -------------------------------------------------------------------------------

def features_of(build, gold_path):
    exe = os.path.join(build, "conf_features")
    res = subprocess.run([exe, gold_path], check=True, stdout=subprocess.PIPE)
    lines = [json.loads(line) for line in res.stdout.decode("utf-8").splitlines() if line.strip()]
    return lines[0]["features"], lines[1:]


def folds_of(ids, k):
    """Article -> fold, fixed by a seeded shuffle of the sorted ids."""
    order = sorted(set(ids))
    random.Random(SEED).shuffle(order)
    return {aid: i % k for i, aid in enumerate(order)}


def cmd_train(args):
    scorer = load_scorer(args.scorer)
    subprocess.run(["cmake", "--build", args.build, "--target", "conf_features"], check=True,
                   stdout=subprocess.DEVNULL)
    names = None
    rows = []          # (set, article id, sparse x, label, weight)
    sets = []          # (name, articles, statements, right, labelled by)
    for spec in args.train:
        path, _, weight = spec.partition(":")
        weight = float(weight) if weight else 1.0
        nm, preds = features_of(args.build, path)
        if names is None:
            names = nm
        elif nm != names:
            sys.exit("feature names differ between runs")
        gold = read_jsonl(path)
        resolved = has_resolved_sources(gold)
        base = os.path.basename(path).split(".")[0]
        labelled = label_articles(scorer, gold, preds, resolved, names)
        rows += [(base, aid, sparse(q["x"]), y, weight) for aid, q, y in labelled]
        sets.append((base, len(gold), len(labelled), sum(y for _, _, y in labelled),
                     "who spoke" if resolved else "the speaker words", weight))
        print(f"training data: {base}: {len(gold)} articles, {len(labelled)} statements, "
              f"{sum(y for _, _, y in labelled)} right (labelled by {sets[-1][4]}; weight {weight:g})")
    nf = len(names)

    # cross-validation over articles: the L2 strength, and the figures reported
    fold = folds_of([(st, aid) for st, aid, _, _, _ in rows], args.folds)
    best = None
    grid = [args.l2] if args.l2 is not None else L2_GRID
    for l2 in grid:
        pairs = []
        for k in range(args.folds):
            w = fit([(x, y, wt) for st, aid, x, y, wt in rows if fold[(st, aid)] != k], nf, l2)
            pairs += [(st, predict(w, x), y) for st, aid, x, y, wt in rows if fold[(st, aid)] == k]
        f = figures([(p, y) for _, p, y in pairs])
        # every training set counts the same in the choice, whatever its size
        per_set = [figures([(p, y) for s2, p, y in pairs if s2 == st[0]])["log_loss"] for st in sets]
        loss = sum(per_set) / len(per_set)
        print(summary_line(f"cv l2={l2:g}", f) + f"; mean of the sets' log losses {loss:.4f}")
        if best is None or loss < best[1] - 1e-9:
            best = (l2, loss, pairs)
    l2, _, cvpairs = best
    cv_lines = []
    for st in [x[0] for x in sets]:
        sp = [(p, y) for s2, p, y in cvpairs if s2 == st]
        f = figures(sp)
        cv_lines.append(f"  {st}: >= {HIGH}: {f['hi']} of {f['n']} statements ({100.0 * f['hi'] / max(1, f['n']):.1f} %), "
                        f"{100.0 * f['hi_right'] / max(1, f['hi']):.1f} % right; log loss {f['log_loss']:.3f}, ECE {f['ece']:.3f}")
        print(summary_line(f"cv {st}", f))
        print(reliability_table(f"{st}, {args.folds}-fold cross-validated, l2={l2:g}", sp))

    w = fit([(x, y, wt) for _, _, x, y, wt in rows], nf, l2)
    header = [
        "The confidence model: a logistic regression over the features of src/attribute/confidence.h.",
        "Training data:",
    ] + [f"  {st}: {na} articles, {ns} statements found, {nr} right (labelled by {lb}"
         + (f"; each counts {wt:g} times" if wt != 1.0 else "") + ")"
         for st, na, ns, nr, lb, wt in sets] + [
        "Command: " + args.command,
        f"L2 strength {l2:g}, chosen by {args.folds}-fold cross-validation over articles (the mean of the "
        "sets' log losses). Cross-validated figures (each article scored by a model that did not see it):",
    ] + cv_lines
    write_table(args.out, names, w, header, "+".join(x[0] for x in sets))
    print(f"wrote {args.out}: {nf} weights; rebuild saywho to use them")
    top = sorted(range(nf), key=lambda i: -abs(w[i]))[:12]
    print("largest weights: " + ", ".join(f"{names[i]} {w[i]:+.2f}" for i in top) + f"; bias {w[nf]:+.2f}")

    trained = {os.path.abspath(spec.partition(":")[0]) for spec in args.train}
    for path in args.eval:
        if not os.path.exists(path) or os.path.abspath(path) in trained:
            continue
        en, ep = features_of(args.build, path)
        if en != names:
            sys.exit("feature names differ between runs")
        eg = read_jsonl(path)
        el = label_articles(scorer, eg, ep, has_resolved_sources(eg))
        pairs = [(predict(w, sparse(q["x"])), y) for _, q, y in el]
        print(summary_line(os.path.basename(path).split(".")[0] + " (held out)", figures(pairs)))
        print(reliability_table(os.path.basename(path), pairs))
    return 0


def cmd_report(args):
    scorer = load_scorer(args.scorer)
    if len(args.files) % 2:
        sys.exit("report: give GOLD PRED pairs")
    for gpath, ppath in zip(args.files[::2], args.files[1::2]):
        gold = read_jsonl(gpath)
        preds = [p for p in read_jsonl(ppath) if "id" in p]
        rows = label_articles(scorer, gold, preds, has_resolved_sources(gold))
        pairs = [(float(q.get("confidence") or 0.0), y) for _, q, y in rows]
        name = os.path.basename(gpath).split(".")[0]
        print(summary_line(name, figures(pairs)))
        print(reliability_table(name, pairs))
    return 0


def main(argv):
    if argv and argv[0] == "report":
        ap = argparse.ArgumentParser(prog="train_confidence.py report")
        ap.add_argument("files", nargs="+")
        ap.add_argument("--scorer", default=DEFAULT_SCORER)
        return cmd_report(ap.parse_args(argv[1:]))
    if argv and argv[0] == "train":
        argv = argv[1:]
    ap = argparse.ArgumentParser(prog="train_confidence.py")
    ap.add_argument("--build", default="build")
    ap.add_argument("--train", nargs="+", default=None, metavar="GOLD[:WEIGHT]")
    ap.add_argument("--eval", nargs="*", default=None)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--scorer", default=DEFAULT_SCORER)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=None)
    args = ap.parse_args(argv)
    args.command = "python3 tools/train_confidence.py" + ("".join(" " + a for a in argv) if argv else "")
    args.train = args.train or DEFAULT_TRAIN
    args.eval = DEFAULT_EVAL if args.eval is None else args.eval
    return cmd_train(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
