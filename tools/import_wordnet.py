#!/usr/bin/env python3
"""import_wordnet.py -- extract saywho's word lists from WordNet 3.0 (Debian package wordnet-base).

Run by hand (not in CI) when the lists should be rebuilt:

    python3 tools/import_wordnet.py [--wordnet /usr/share/wordnet] [--out data/en]

It writes, under data/en/:
  speech_verbs.tsv     verbs of the lexicographer file verb.communication that WordNet gives the frame
                       26 "Somebody ----s that CLAUSE", used at least once in the SemCor tag counts
                       (cntlist.rev), with all inflections and complement frames read off WordNet's
                       verb frames. Curation (removals, frames WordNet lacks, modern verbs) is not done
                       here but in speech_supplement.tsv, applied by tools/gen_pack.py.
  cognition_verbs.tsv  verbs of verb.cognition / verb.emotion / verb.perception with a clause or
                       infinitive frame (26, 28, 32) and at least MIN_COGNITION_COUNT tagged uses.
  verb_forms.tsv       the past-tense and 3sg forms of every one-word verb (all lexicographer files)
                       with at least one tagged use, without the forms that are more often an
                       adjective or noun (see verb_form_rows); curated in verb_forms_supplement.tsv.
  titles.txt, roles.txt, org_words.txt, media_words.txt, place_words.txt
                       one-word nouns that are hyponyms (transitively) of the head synsets listed
                       below, with at least a few tagged uses, and their plurals.

Inflections: irregular forms come from WordNet's verb.exc / noun.exc; the rest from the regular
English rules (says, claimed, denies/denied, saying), with consonant doubling taken from verb.exc
when WordNet lists the verb there and from the one-syllable CVC rule otherwise (snap -> snapped).
The output is sorted, so re-running on the same WordNet gives the same files.
"""
import argparse
import collections
import os
import re

from verb_inflection import regular_verb_forms

VOWELS = set("aeiou")

# ---------------------------------------------------------------------------------------------
# Reading WordNet
# ---------------------------------------------------------------------------------------------


def read_counts(wn):
    """Sense key -> tag count (cntlist.rev)."""
    counts = {}
    with open(os.path.join(wn, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, _num, cnt = line.split()
            counts[key] = int(cnt)
    return counts


def read_data(wn, pos):
    """offset -> (lex_filenum, [(word, lex_id)], [(ptr, offset, pos, src_tgt)], [(frame, word_no)])."""
    synsets = {}
    with open(os.path.join(wn, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            off, lexf, sstype = fields[0], int(fields[1]), fields[2]
            nwords = int(fields[3], 16)
            i = 4
            words = []
            for _ in range(nwords):
                w = re.sub(r"\(.*\)$", "", fields[i])  # strip adjective markers like (a)
                words.append((w, int(fields[i + 1], 16)))
                i += 2
            nptr = int(fields[i])
            i += 1
            ptrs = []
            for _ in range(nptr):
                ptrs.append(tuple(fields[i:i + 4]))
                i += 4
            frames = []
            if sstype == "v" and i < len(fields):
                nfr = int(fields[i])
                i += 1
                for _ in range(nfr):
                    frames.append((int(fields[i + 1]), int(fields[i + 2], 16)))
                    i += 3
            synsets[off] = (lexf, words, ptrs, frames)
    return synsets


def read_exc(wn, pos):
    """lemma -> sorted list of irregular forms (verb.exc / noun.exc)."""
    forms = collections.defaultdict(set)
    with open(os.path.join(wn, pos + ".exc"), encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            for lemma in parts[1:]:
                forms[lemma].add(parts[0])
    return forms


def common_word_counts(wn, counts=None):
    """Lower-case English words -> their SemCor tag count over all senses, for the words WordNet
    writes in lower case in some synset (so "buffalo" and "nice" are common words, "Texas" and
    "Donald" are not), with the inflected forms of verbs and nouns (verb.exc / noun.exc and the
    regular rules) counted as their lemma."""
    counts = counts if counts is not None else read_counts(wn)
    by_word = collections.Counter()
    for key, c in counts.items():
        by_word[key.split("%", 1)[0]] += c
    lower = set()
    for pos in ("noun", "verb", "adj", "adv"):
        for _off, (_lexf, words, _ptrs, _frames) in read_data(wn, pos).items():
            lower.update(w for w, _lex_id in words if w == w.lower())
    common = {w: by_word[w] for w in lower if by_word[w] >= 1}
    for w in list(common):
        if re.fullmatch(r"[a-z]+", w):
            for form in regular_verb_forms(w):
                common[form] = max(common.get(form, 0), common[w])
    for pos in ("verb", "noun"):
        for lemma, forms in read_exc(wn, pos).items():
            if lemma in common:
                for form in forms:
                    common[form] = max(common.get(form, 0), common[lemma])
    return common


def common_words(wn, counts=None):
    """The keys of common_word_counts(): lower-case words of everyday English."""
    return set(common_word_counts(wn, counts))


def sense_count(counts, word, sstype, lexf, lex_id):
    return counts.get("%s%%%d:%02d:%02d::" % (word.lower(), sstype, lexf, lex_id), 0)


# ---------------------------------------------------------------------------------------------
# Verb inflection
# ---------------------------------------------------------------------------------------------


def inflect(w, exc):
    """(3sg, past, participle or '-', ing) for lemma w."""
    s3, past, ing = regular_verb_forms(w)
    part = "-"
    irregular = sorted(exc.get(w, ()))
    ings = [f for f in irregular if f.endswith("ing")]
    others = [f for f in irregular if not f.endswith("ing") and not f.endswith("s")]
    if ings:
        ing = ings[0]
    if len(others) == 1:
        past = others[0]
    elif len(others) >= 2:
        # spoke/spoken, wrote/written, swore/sworn, sang/sung: the participle ends in -n / has u.
        parts = [f for f in others if re.search(r"(en|wn|rn|un|ung)$", f)]
        pasts = [f for f in others if f not in parts]
        if parts and pasts:
            past, part = pasts[0], parts[0]
        else:
            past = others[0]
    return s3, past, part, ing


# ---------------------------------------------------------------------------------------------
# Verbs
# ---------------------------------------------------------------------------------------------

FRAME_THAT = 26
# WordNet has no "Somebody ----s somebody that CLAUSE" frame. A verb takes its hearer as object
# (tell) when one sense has frame 9 "Somebody ----s somebody" together with the clause frame 26
# or an infinitive frame 24/25 "Somebody ----s somebody (to) INFINITIVE", and that sense has no
# frame whose object is a thing or whose hearer comes with "to" (8, 11, 15, 27): describe
# ("describe something", 11) or answer ("answer to somebody", 27) have a person object that is
# not the hearer. Frame 14 "Somebody ----s somebody something" alone is not enough (call X Y).
HEARER_OBJECT = 9
HEARER_WITH = {26, 24, 25}
NOT_HEARER = {8, 11, 15, 27}
OF_FRAMES = {18}               # Somebody ----s somebody of something
TO_FRAMES = {24, 25}           # Somebody ----s somebody (to) INFINITIVE
MIN_COGNITION_COUNT = 5


def verb_senses(synsets, counts, lexfiles):
    """word -> list of (count, frames, offset) over the senses in the given lexicographer files."""
    senses = collections.defaultdict(list)
    for off, (lexf, words, _ptrs, frames) in synsets.items():
        if lexf not in lexfiles:
            continue
        for wi, (w, lex_id) in enumerate(words, 1):
            w = w.lower()
            if not re.fullmatch(r"[a-z]+(-[a-z]+)?", w):
                continue  # one word only: multi-word cues live in cue_phrases.tsv
            fr = {f for f, n in frames if n in (0, wi)}
            senses[w].append((sense_count(counts, w, 2, lexf, lex_id), fr, off))
    return senses


def spelling_variants(a, b):
    return a != b and re.sub("is", "iz", a) == re.sub("is", "iz", b)


def speech_verbs(synsets, counts, exc):
    senses = verb_senses(synsets, counts, {32})
    kept = {}
    for w, ss in senses.items():
        clause = [s for s in ss if FRAME_THAT in s[1]]
        if not clause or sum(c for c, _f, _o in clause) < 1:
            continue
        kept[w] = ss
    # British spellings (-ise) have no tag counts of their own: keep them with the -ize form.
    for w, ss in senses.items():
        if w not in kept and any(spelling_variants(w, k) for k in kept) and \
                any(FRAME_THAT in f for _c, f, _o in ss):
            kept[w] = ss
    rows = []
    for w, ss in sorted(kept.items()):
        frames = {"that", "quote"}
        if any(HEARER_OBJECT in f and f & HEARER_WITH and not f & NOT_HEARER for _c, f, _o in ss):
            frames.add("tell")
        if any(f & OF_FRAMES for _c, f, _o in ss):
            frames.add("of")
        if any(f & TO_FRAMES for _c, f, _o in ss):
            frames.add("to")
        total = sum(c for c, _f, _o in ss)
        rows.append((w, sorted(frames), total) + inflect(w, exc))
    return rows


def cognition_verbs(synsets, counts, exc):
    senses = verb_senses(synsets, counts, {31, 37, 39})
    rows = []
    for w, ss in sorted(senses.items()):
        good = [c for c, f, _o in ss if f & {26, 28, 32}]
        if sum(good) < MIN_COGNITION_COUNT:
            continue
        rows.append((w, ["that"], sum(good)) + inflect(w, exc))
    return rows


# The two suppletive verbs whose present and past forms no rule gives (verb.exc mixes them with
# the participles: am, are, is, was, were, been).
SUPPLETIVE = {"be": (["is"], ["was", "were"]), "have": (["has"], ["had"])}
# A 3sg form is left out when its base (or the form itself) is also a noun with at least this many
# tagged uses and at least this share of the verb's: plans, uses, works, states, reports.
NOUN_3SG_MIN, NOUN_3SG_SHARE = 5, 0.15
PARTICIPLE_RE = r"(en|wn|rn|un|ung|unk|um|one|ain)$"


def pos_counts(counts):
    """(word, ss_type digit) -> tag count over all its senses; satellites (5) count as adjectives (3)."""
    by = collections.Counter()
    for key, c in counts.items():
        w, rest = key.split("%", 1)
        by[(w, "3" if rest[0] == "5" else rest[0])] += c
    return by


def past_tenses(w, exc):
    """The past-tense forms of lemma w: the regular rule, or the irregular forms of verb.exc without
    the participles, -s and -ing forms (sank, not sunk), or the base itself when verb.exc lists only
    a doubled -ing form (cutting: cut); the regular form as well when the irregular
    one is the British -t or -lled spelling of it (learnt / learned, cancelled / canceled)."""
    if w in SUPPLETIVE:
        return SUPPLETIVE[w][1]
    regular = regular_verb_forms(w)[1]
    listed = sorted(f for f in exc.get(w, ()) if f != w)
    irregular = [f for f in listed if not re.search(r"(ing|s)$", f)]
    if not irregular:
        # verb.exc spells out the doubling in cutting / setting but gives no past: the past is
        # the base (cut, set). Otherwise (dying, tying) the regular rule.
        return [w] if w + w[-1] + "ing" in listed else [regular]
    if len(irregular) == 1:
        # One form is both past and participle (found, hung), unless it is a participle only
        # (shown, proven, swollen), whose verb has the regular past.
        pasts = [regular] if re.search(r"(en|wn)$", irregular[0]) else irregular
    else:
        pasts = [f for f in irregular if not re.search(PARTICIPLE_RE, f)] or irregular
    if any(p == w + "t" or (w.endswith("ll") and p == w[:-1] + "t") for p in pasts):
        pasts.append(regular)
    if w.endswith("l") and w + "led" in pasts:  # cancelled (British) / canceled (American)
        pasts.append(w + "ed")
    return sorted(set(pasts))


def third_singular(w, exc):
    """The -s form of lemma w: verb.exc's (quizzes, has) or the regular rule's."""
    if w in SUPPLETIVE:
        return SUPPLETIVE[w][0][0]
    irregular = [f for f in sorted(exc.get(w, ())) if f.endswith("s")]
    return irregular[0] if irregular else regular_verb_forms(w)[0]


def verb_form_rows(synsets, counts, exc):
    """[(form, kind, lemma, verb count)] for kind past / 3sg of every one-word WordNet verb (all
    lexicographer files) with at least one SemCor tagged use. A past form is left out when the
    same string is more often a WordNet adjective or noun than the verb is used (interested,
    ground); a 3sg form when its base or the form is a common noun (see NOUN_3SG_*). A form two
    lemmas give (found: find, found) is listed with the commoner one."""
    by = pos_counts(counts)
    verb_count = collections.Counter()
    for _off, (lexf, words, _ptrs, _frames) in synsets.items():
        for w, lex_id in words:
            w = w.lower()
            if re.fullmatch(r"[a-z]{2,}", w):
                verb_count[w] += sense_count(counts, w, 2, lexf, lex_id)
    out = {}

    def keep(form, kind, w, vc):
        old = out.get((form, kind))
        if old is None or (vc, old[0]) > (old[1], w):
            out[(form, kind)] = (w, vc)

    for w, vc in sorted(verb_count.items()):
        if vc < 1:
            continue
        for p in past_tenses(w, exc):
            if by[(p, "3")] <= vc and by[(p, "1")] <= vc:
                keep(p, "past", w, vc)
        s3 = third_singular(w, exc)
        nouns = max(by[(w, "1")], by[(s3, "1")])
        if not (nouns >= NOUN_3SG_MIN and nouns >= NOUN_3SG_SHARE * vc):
            keep(s3, "3sg", w, vc)
    return sorted((form, kind, w, vc) for (form, kind), (w, vc) in out.items())


def write_verb_forms(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Past-tense and 3sg forms of the WordNet verbs with >= 1 SemCor tagged use (all "
                "lexicographer files); forms that are more often an adjective or noun left out.\n")
        f.write("# Generated by tools/import_wordnet.py from WordNet 3.0 (Debian wordnet-base); "
                "do not edit by hand.\n")
        f.write("# form\tkind (past | 3sg)\tlemma\tverb_tag_count\n")
        for form, kind, w, vc in rows:
            f.write("%s\t%s\t%s\t%d\n" % (form, kind, w, vc))


def write_verbs(path, rows, what):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# %s\n" % what)
        f.write("# Generated by tools/import_wordnet.py from WordNet 3.0 (Debian wordnet-base); "
                "do not edit by hand: curate in speech_supplement.tsv.\n")
        f.write("# lemma\tframes\t3sg\tpast\tparticiple(- = past)\ting\ttag_count\n")
        for w, frames, total, s3, past, part, ing in rows:
            f.write("\t".join([w, ",".join(frames), s3, past, part, ing, str(total)]) + "\n")


# ---------------------------------------------------------------------------------------------
# Nouns
# ---------------------------------------------------------------------------------------------

# file -> (description, head synsets as "word#sense number in index.noun", minimum tag count of
# the word in that sense (SemCor, cntlist.rev). Every one-word lemma of a head or of a hyponym of a head
# (transitively, instances excluded) with at least that many tagged uses is kept.
NOUN_GROUPS = {
    "titles.txt": (
        "Titles and roles that can precede a name (President X, Defence Minister X, spokesman X)",
        ["leader#1", "head_of_state#1", "official#1", "politician#1", "legislator#1", "diplomat#1",
         "military_officer#1", "clergyman#1", "executive#1", "lawyer#1", "policeman#1",
         "premier#1", "premier#2", "chancellor#3", "aristocrat#1", "professor#1", "doctor#1",
         "judge#1", "spokesperson#1", "spokesman#1", "minister#2", "secretary#1", "secretary#2",
         "prosecutor#1", "economist#1", "analyst#1"],
        1),
    "roles.txt": (
        "Nouns for a speaker who is not named (officials said, a witness said, police said)",
        ["official#1", "spokesperson#1", "spokesman#1", "expert#1", "lawyer#1", "scientist#1",
         "journalist#1", "policeman#1", "witness#1", "resident#1", "researcher#1", "doctor#1",
         "employee#1", "victim#1", "survivor#1", "protester#1", "demonstrator#1", "activist#1",
         "adviser#1", "aide#1", "citizen#1", "voter#1", "student#1", "teacher#1", "diplomat#1",
         "politician#1", "prosecutor#1", "investigator#1", "negotiator#1", "observer#2",
         "source#5", "critic#1", "neighbor#1", "parent#1", "official#2"],
        1),
    "org_words.txt": (
        "Head nouns that make a capitalised name an organisation (Ministry of X, X Party, X Council)",
        ["organization#1", "administrative_unit#1", "company#1", "institution#1", "party#1",
         "union#1", "agency#1", "court#1", "bank#2", "government#1", "ministry#1", "council#1",
         "committee#1", "university#1", "force#4", "army#1", "association#1"],
        1),
    "media_words.txt": (
        "Nouns for a news outlet (the X newspaper, X news agency, state broadcaster X)",
        ["newspaper#1", "newspaper#2", "broadcaster#2", "press#2", "news_agency#1", "magazine#1",
         "magazine#2", "journal#2", "television#1", "radio#1", "channel#5", "network#2",
         "website#1", "daily#1", "tabloid#1", "wire_service#1"],
        1),
    "firm_words.txt": (
        "Nouns for a business that a short description names (the company, the firm, the carmaker, "
        "the airline, the bank); every tag count, as many have no tagged use",
        ["company#1", "business#1", "firm#1", "corporation#1", "conglomerate#2", "airline#2", "bank#2",
         "insurer#1", "utility#1", "manufacturer#1"],
        0),
    "place_words.txt": (
        "Nouns that make a capitalised name a place (X Province, X River, X Street)",
        ["administrative_district#1", "body_of_water#1", "thoroughfare#1", "mountain#1",
         "island#1", "city#1", "town#1", "village#1", "square#4", "airport#1", "port#1",
         "valley#1", "desert#1", "peninsula#1"],
        1),
}


def read_index(wn, pos):
    """lemma -> [synset offsets in sense order] (index.noun)."""
    index = {}
    with open(os.path.join(wn, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            ptr_cnt = int(fields[3])
            index[fields[0]] = fields[4 + ptr_cnt + 2:]
    return index


def hyponym_closure(synsets, off):
    seen = {off}
    stack = [off]
    while stack:
        o = stack.pop()
        for ptr, target, pos, _st in synsets[o][2]:
            if ptr == "~" and pos == "n" and target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def plural(w, exc):
    irregular = [f for f in sorted(exc.get(w, ())) if f != w]
    if irregular:
        return irregular[0]
    if w.endswith("man") and not w.endswith("human"):
        return w[:-3] + "men"
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    return w + "s"


# British spellings that SemCor (American texts) never tags: neighbour/neighbor,
# organisation/organization, councillor/councilor, programme/program, centre/center,
# defence/defense, catalogue/catalog.
BRITISH_ENDINGS = [("our", "or"), ("isation", "ization"), ("ise", "ize"), ("iser", "izer"),
                   ("llor", "lor"), ("mme", "m"), ("re", "er"), ("ence", "ense"), ("ogue", "og")]


def british_variant(w, other):
    """True when w is the British spelling of other (same word but for one ending)."""
    for brit, amer in BRITISH_ENDINGS:
        if w.endswith(brit) and other.endswith(amer) and w[:-len(brit)] == other[:-len(amer)]:
            return True
    return False


def noun_group(synsets, index, counts, exc, heads, minimum):
    words = {}
    for head in heads:
        word, sense = head.split("#")
        offsets = index.get(word, [])
        if int(sense) > len(offsets):
            raise SystemExit("import_wordnet: no sense %s in WordNet" % head)
        for s in hyponym_closure(synsets, offsets[int(sense) - 1]):
            lexf = synsets[s][0]
            lemmas = [(w, sense_count(counts, w, 1, lexf, lex_id)) for w, lex_id in synsets[s][1]]
            for w, c in lemmas:
                if not re.fullmatch(r"[a-z]+(-[a-z]+)?", w):
                    continue
                if c < minimum:
                    # a British spelling shares the tagged uses of its American synonym
                    c = max([c2 for w2, c2 in lemmas if c2 >= minimum and british_variant(w, w2)], default=c)
                if c >= minimum:
                    words[w] = words.get(w, 0) + c
    return words


def write_nouns(path, what, words, exc):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# %s\n" % what)
        f.write("# Generated by tools/import_wordnet.py from WordNet 3.0 (Debian wordnet-base); "
                "do not edit by hand: curate in noun_supplement.tsv.\n")
        f.write("# word\tplural\ttag_count\n")
        for w in sorted(words):
            f.write("%s\t%s\t%d\n" % (w, plural(w, exc), words[w]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "en"))
    args = ap.parse_args()
    counts = read_counts(args.wordnet)
    verbs = read_data(args.wordnet, "verb")
    vexc = read_exc(args.wordnet, "verb")
    write_verbs(os.path.join(args.out, "speech_verbs.tsv"), speech_verbs(verbs, counts, vexc),
                "Speech verbs: WordNet verb.communication with frame 26 (that CLAUSE), tag count >= 1.")
    write_verbs(os.path.join(args.out, "cognition_verbs.tsv"), cognition_verbs(verbs, counts, vexc),
                "Cognition verbs: WordNet verb.cognition/emotion/perception with a clause or "
                "infinitive frame, tag count >= %d." % MIN_COGNITION_COUNT)
    write_verb_forms(os.path.join(args.out, "verb_forms.tsv"), verb_form_rows(verbs, counts, vexc))
    nouns = read_data(args.wordnet, "noun")
    nindex = read_index(args.wordnet, "noun")
    nexc = read_exc(args.wordnet, "noun")
    for name, (what, heads, minimum) in NOUN_GROUPS.items():
        words = noun_group(nouns, nindex, counts, nexc, heads, minimum)
        write_nouns(os.path.join(args.out, name), what + ": WordNet hyponyms of " +
                    ", ".join(heads) + "; tag count >= %d." % minimum, words, nexc)


if __name__ == "__main__":
    main()
