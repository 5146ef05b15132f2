#!/usr/bin/env python3
"""gen_pack.py -- turn the language packs of data/ into the C tables of src/lang/.

    python3 tools/gen_pack.py                     # rewrites src/lang/features.h, src/lang/packs.c
                                                  # and src/lang/pack_<code>.c for every data/<code>/
    python3 tools/gen_pack.py --out DIR           # writes those files into DIR instead (CI: cmp)
    python3 tools/gen_pack.py --pack DIR --out FILE.c
                                                  # one pack from any folder (tests build their own)

Inputs, all text files:
  data/features.tsv        the classes, roles, name roles, frames, cue kinds and lists the C code
                           knows (language-neutral; becomes src/lang/features.h)
  data/<code>/pack.tsv     the pack's code and name; a folder without it is no pack
  data/<code>/...          the pack's word lists (every file is optional; see load_pack() and
                           data/en/SOURCES.md)

Its output depends on nothing else: same data, same bytes, on any machine with Python 3.

What a pack's table is (src/lang/pack.h is the contract the C code reads):
  - one entry per word form, keyed by the folded form (ASCII letters and the Latin-1 / Latin
    Extended-A capitals lowered, exactly as fold_utf8() below and sw_fold() in src/core/fold.h do),
    with the features of every list the form is in merged; verb forms carry their lemma, form and
    frames, abbreviations their class;
  - the entries are the slots of an open-addressing hash table (sw_hash_bytes() of the folded key,
    linear probing, at most two thirds full), one 64-byte cache line each, so a lookup reads one
    line of it; a bitmap of the keys' hashes answers "not there" for most other words;
  - the multi-word cue phrases, grouped by their first word; the pack's ordered lists; its
    boilerplate phrases.
"""
import argparse
import os
import re
import sys

from verb_inflection import regular_verb_forms

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
MAX_KEY = 63  # longer words are never looked up
FILTER_BITS_MAX = 20  # the largest "not there" bitmap: 2^20 bits, 128 KB

KIND_PREFIX = {"class": "SW_LX_", "role": "SW_W_", "name": "SW_N_", "frame": "SW_VX_", "cue": "SW_CUE_",
               "list": "SW_LIST_"}
KIND_BITS = {"class": 64, "role": 64, "name": 64, "frame": 16}
VF_BASE, VF_3SG, VF_PAST, VF_PART, VF_ING = 1, 2, 3, 4, 5
ABBREV_CLASSES = {"TITLE": 1, "NUMBER": 2, "MONTH": 3, "ALWAYS": 4, "GENERAL": 5}  # SW_AB_* (pack.h)
BOILERPLATE_HOW = {"line": 1, "prefix": 2, "teaser": 3}                          # SW_BP_* (pack.h)
# Which verb list wins the lemma and verb form of a form that several verb lists share.
VERB_PRIORITY = {"speech": 0, "cognition": 1, "speech_post": 2}


class PackError(Exception):
    pass


# -------------------------------------------------------------------------------------------------
# Folding and hashing (must match src/core/fold.h and src/core/hash.h)
# -------------------------------------------------------------------------------------------------


def fold_char(c):
    o = ord(c)
    if 0x41 <= o <= 0x5A:
        return chr(o + 0x20)
    if 0xC0 <= o <= 0xDE and o != 0xD7:
        return chr(o + 0x20)
    if 0x100 <= o <= 0x17F and o not in (0x130, 0x131, 0x138, 0x149, 0x17F):
        if 0x139 <= o <= 0x148 or 0x179 <= o <= 0x17E:
            return chr(o + 1) if o % 2 == 1 else c
        if o == 0x178:
            return "\u00ff"
        return chr(o + 1) if o % 2 == 0 else c
    return c


def fold_utf8(word):
    return "".join(fold_char(c) for c in word).encode("utf-8")


M64 = (1 << 64) - 1


def hash_bytes(key):
    """sw_hash_bytes() of src/core/hash.h: the key's bytes as little-endian 64-bit words (the last
    one zero-padded), each mixed in with a multiply and a shift; the low 32 bits of the result."""
    h = 0x9E3779B97F4A7C15 ^ len(key)
    for i in range(0, len(key), 8):
        h = ((h ^ int.from_bytes(key[i:i + 8].ljust(8, b"\0"), "little")) * 0xFF51AFD7ED558CCD) & M64
        h ^= h >> 29
    h = (h * 0xC4CEB9FE1A85EC53) & M64
    h ^= h >> 32
    return h & 0xFFFFFFFF


def filter_bit(h, bits):
    """The bit of the "not there" bitmap for hash h (sw_pack_filter_bit() in src/lang/lookup.c)."""
    return ((h * 0x9E3779B1) & 0xFFFFFFFF) >> (32 - bits)


# -------------------------------------------------------------------------------------------------
# The feature catalog (data/features.tsv)
# -------------------------------------------------------------------------------------------------


class Features:
    def __init__(self, path):
        self.by_kind = {k: [] for k in KIND_PREFIX}
        self.desc = {}
        self.kind_of = {}   # name -> [kinds], for the word kinds (class, role, name)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) != 3 or cols[0] not in KIND_PREFIX or not re.fullmatch(r"[a-z][a-z0-9_]*", cols[1]):
                    raise PackError("features.tsv:%d: expected kind, name, description" % n)
                kind, name, desc = cols
                if name in self.by_kind[kind]:
                    raise PackError("features.tsv:%d: %s %s given twice" % (n, kind, name))
                self.by_kind[kind].append(name)
                self.desc[(kind, name)] = desc
                if kind in ("class", "role", "name"):
                    self.kind_of.setdefault(name, []).append(kind)
        for kind, limit in KIND_BITS.items():
            if len(self.by_kind[kind]) > limit:
                raise PackError("features.tsv: %d %ss, more than the %d bits of their set: widen the set in "
                                "src/lang/pack.h and here" % (len(self.by_kind[kind]), kind, limit))

    def bit(self, kind, name, where):
        if name not in self.by_kind[kind]:
            raise PackError("%s: unknown %s %r (data/features.tsv)" % (where, kind, name))
        return 1 << self.by_kind[kind].index(name)

    def number(self, kind, name, where):
        if name not in self.by_kind[kind]:
            raise PackError("%s: unknown %s %r (data/features.tsv)" % (where, kind, name))
        return self.by_kind[kind].index(name) + (1 if kind == "cue" else 0)

    def header(self):
        out = ["/*",
               " * features.h -- GENERATED by tools/gen_pack.py from data/features.tsv; do not edit.",
               " *",
               " * What the C code can know about a word, whatever its language: classes (SW_LX_*), roles",
               " * (SW_W_*) and name roles (SW_N_*), each a bit of a 64-bit set per word; the frames of",
               " * speech verbs (SW_VX_*, 16 bits); the kinds of cue phrase (SW_CUE_*) and the ordered lists",
               " * of strings a pack gives (SW_LIST_*). A pack (data/<lang>/) says which of its words have",
               " * which; src/lang/pack.h is how the code asks.",
               " */",
               "#ifndef SW_FEATURES_H",
               "#define SW_FEATURES_H",
               "",
               "#include <stdint.h>",
               ""]
        titles = {"class": "Classes: what a word is (sw_lex_info.classes)",
                  "role": "Roles: the part a grammar word plays in a clause (sw_lex_info.roles)",
                  "name": "Name roles: the part a word plays in or around a proper name (sw_lex_info.names)",
                  "frame": "Complement frames of a speech verb (sw_lex_info.frames)"}
        for kind in ("class", "role", "name", "frame"):
            out.append("/* %s. */" % titles[kind])
            for i, name in enumerate(self.by_kind[kind]):
                cname = KIND_PREFIX[kind] + name.upper()
                one = "UINT64_C(1)" if kind != "frame" else "1u"
                out.append("#define %-24s (%s << %d) /* %s */" % (cname, one, i, self.desc[(kind, name)]))
            out.append("")
        out.append("/* Kinds of multi-word cue phrase (sw_pack_cue_phrase()). */")
        out.append("enum {")
        for i, name in enumerate(self.by_kind["cue"]):
            out.append("    %s%s = %d, /* %s */" % (KIND_PREFIX["cue"], name.upper(), i + 1, self.desc[("cue", name)]))
        out.append("};")
        out.append("")
        out.append("/* The ordered lists of strings a pack gives (sw_pack_list()). */")
        out.append("enum {")
        for name in self.by_kind["list"]:
            out.append("    %s%s, /* %s */" % (KIND_PREFIX["list"], name.upper(), self.desc[("list", name)]))
        out.append("    SW_LIST_COUNT")
        out.append("};")
        out.append("")
        out.append("#endif")
        return "\n".join(out) + "\n"


# -------------------------------------------------------------------------------------------------
# Reading a pack's files
# -------------------------------------------------------------------------------------------------


def _word_files(folder, pattern):
    return sorted(f for f in os.listdir(folder) if re.fullmatch(pattern, f))

WORD_FILES = r"words(_[a-z0-9_]+)?\.tsv"      # the table of words
SEGMENT_FILES = r"segment_[a-z0-9_]+\.tsv"    # the segmenter's table (with abbreviations.tsv)


class Pack:
    """The files of one pack folder. Every file is optional."""

    def __init__(self, folder):
        self.folder = folder

    def has(self, name):
        return os.path.exists(os.path.join(self.folder, name))

    def word_rows(self, pattern=WORD_FILES):
        """(file, line number, columns) of the word files (word, features) whose names match."""
        for name in _word_files(self.folder, pattern):
            for n, cols in self.rows(name, 2, 2):
                yield name, n, cols

    def rows(self, name, min_cols=1, max_cols=99):
        path = os.path.join(self.folder, name)
        out = []
        if not os.path.exists(path):
            return out
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if not (min_cols <= len(cols) <= max_cols):
                    raise PackError("%s:%d: expected %d..%d tab-separated columns" % (name, n, min_cols, max_cols))
                out.append((n, cols))
        return out




def parse_frames(feats, text, where):
    bits = 0
    for f in filter(None, text.split(",")):
        if f == "-":
            continue
        bits |= feats.bit("frame", f, where)
    return bits


def verb_forms(lemma, cols):
    """[(form, verb_form)] from the columns 3sg past participle ing (missing: regular rules)."""
    s3, past, ing = regular_verb_forms(lemma)
    part = "-"
    given = [c for c in cols if c]
    if given:
        if len(given) != 4:
            raise PackError("verb %s: give all four forms (3sg past participle ing) or none" % lemma)
        s3, past, part, ing = given
    forms = [(lemma, VF_BASE), (s3, VF_3SG), (past, VF_PAST), (ing, VF_ING)]
    if part != "-":
        forms.append((part, VF_PART))
    # British and American spellings of a final -l after one vowel: labelled / labeled.
    if re.search(r"[aeiou][^aeiou]*[^aeiou][ae]l$", lemma):
        forms += [(lemma + "ed", VF_PAST), (lemma + "ing", VF_ING),
                  (lemma + "led", VF_PAST), (lemma + "ling", VF_ING)]
        forms = list(dict.fromkeys(forms))
    return forms


def load_verbs(pack, feats):
    """(class, lemma) -> [frames, forms]: the verb lists plus their curated supplement."""
    verbs = {}
    for cls, name in (("speech", "speech_verbs.tsv"), ("cognition", "cognition_verbs.tsv")):
        for n, cols in pack.rows(name, 7, 7):
            lemma = cols[0]
            verbs[(cls, lemma)] = [parse_frames(feats, cols[1], "%s:%d" % (name, n)), verb_forms(lemma, cols[2:6])]
    for n, cols in pack.rows("speech_supplement.tsv", 3, 8):
        where = "speech_supplement.tsv:%d" % n
        cls, action, lemma = cols[:3]
        cls = {"post": "speech_post"}.get(cls, cls)
        frames = cols[3] if len(cols) > 3 else ""
        if cls not in VERB_PRIORITY:
            raise PackError("%s: unknown class %r" % (where, cls))
        key = (cls, lemma)
        if action == "-":
            if key not in verbs:
                raise PackError("%s: %s %s is not in the list it removes it from" % (where, cls, lemma))
            del verbs[key]
        elif action in "+=":
            bits = parse_frames(feats, frames, where)
            if key in verbs and len(cols) == 4:
                verbs[key][0] = bits if action == "=" else verbs[key][0] | bits
            else:
                verbs[key] = [bits, verb_forms(lemma, cols[4:8])]
        else:
            raise PackError("%s: action must be +, - or =" % where)
    for n, cols in pack.rows("speech_post.tsv", 1, 5):
        lemma = cols[0]
        verbs[("speech_post", lemma)] = [feats.bit("frame", "quote", "speech_post.tsv"), verb_forms(lemma, cols[1:5])]
    return verbs


NOUN_FILES = (("title", "titles.txt"), ("role", "roles.txt"), ("org_word", "org_words.txt"),
              ("media", "media_words.txt"), ("place_word", "place_words.txt"), ("firm", "firm_words.txt"))
NOUN_ALIASES = {"org": "org_word", "place": "place_word"}


def load_nouns(pack):
    """class -> {word: plural or None}: the noun lists plus noun_supplement.tsv."""
    groups = {}
    for cls, name in NOUN_FILES:
        groups[cls] = {cols[0]: cols[1] for _n, cols in pack.rows(name, 3, 3)}
    for n, cols in pack.rows("noun_supplement.tsv", 3, 4):
        where = "noun_supplement.tsv:%d" % n
        cls, action, word = cols[:3]
        cls = NOUN_ALIASES.get(cls, cls)
        if cls not in groups:
            raise PackError("%s: unknown class %r" % (where, cls))
        if action == "-":
            if word not in groups[cls]:
                raise PackError("%s: %s %s is not in the list" % (where, cls, word))
            del groups[cls][word]
        elif action == "+":
            groups[cls][word] = cols[3] if len(cols) > 3 and cols[3] else None
        else:
            raise PackError("%s: action must be + or -" % where)
    return groups


def load_verb_forms(pack):
    """{(form, kind)}: the past / 3sg forms of verb_forms.tsv with verb_forms_supplement.tsv applied."""
    forms = {(cols[0], cols[1]) for _n, cols in pack.rows("verb_forms.tsv", 4, 4)}
    for n, cols in pack.rows("verb_forms_supplement.tsv", 3, 4):
        where = "verb_forms_supplement.tsv:%d" % n
        action, form, kind = cols[:3]
        if kind not in ("past", "3sg"):
            raise PackError("%s: kind must be past or 3sg" % where)
        if action == "+":
            if (form, kind) in forms:
                raise PackError("%s: %s %s is already listed" % (where, form, kind))
            forms.add((form, kind))
        elif action == "-":
            if (form, kind) not in forms:
                raise PackError("%s: %s %s is not in the list" % (where, form, kind))
            forms.discard((form, kind))
        else:
            raise PackError("%s: action must be + or -" % where)
    return forms


# -------------------------------------------------------------------------------------------------
# Building the entries
# -------------------------------------------------------------------------------------------------


class Entry:
    __slots__ = ("key", "classes", "roles", "names", "verb_form", "frames", "lemma", "prio", "abbrev")

    def __init__(self, key):
        self.key = key
        self.classes = self.roles = self.names = self.verb_form = self.frames = self.abbrev = 0
        self.lemma, self.prio = None, 99


def add_word_rows(rows, entry, feats):
    """Gives the words of (file, line, [word, features]) rows their features; entry(word) is the
    Entry of a word (None when it is no word form)."""
    for fname, n, cols in rows:
        e = entry(cols[0])
        if e is None:
            raise PackError("%s:%d: %r is no word form (empty, spaced or longer than %d bytes)" %
                            (fname, n, cols[0], MAX_KEY))
        for f in cols[1].split(","):
            # a feature is named alone, or as kind:name when several kinds have the name
            kind, _, name = f.rpartition(":")
            kinds = [kind] if kind else feats.kind_of.get(name, [])
            if len(kinds) != 1:
                raise PackError("%s:%d: %s feature %r (data/features.tsv)%s" %
                                (fname, n, "ambiguous" if kinds else "unknown", f,
                                 ": write class:, role: or name:" if kinds else ""))
            kind = kinds[0]
            bit = feats.bit(kind, name, "%s:%d" % (fname, n))
            if kind == "class":
                e.classes |= bit
            elif kind == "role":
                e.roles |= bit
            else:
                e.names |= bit


def build_entries(pack, feats):
    entries = {}
    C = lambda name: feats.bit("class", name, "gen_pack")  # noqa: E731

    def entry(word):
        key = fold_utf8(word.strip())
        if not key or len(key) > MAX_KEY or b" " in key:
            return None
        e = entries.get(key)
        if e is None:
            e = entries[key] = Entry(key)
        return e

    def add(word, cls):
        e = entry(word)
        if e is not None:
            e.classes |= C(cls)
        return e

    for (cls, lemma), (frames, forms) in sorted(load_verbs(pack, feats).items(),
                                                 key=lambda kv: (VERB_PRIORITY[kv[0][0]], kv[0][1])):
        for form, vf in forms:
            e = add(form, cls)
            if e is None:
                continue
            e.frames |= frames
            if VERB_PRIORITY[cls] < e.prio or (VERB_PRIORITY[cls] == e.prio and vf == VF_BASE):
                e.prio, e.verb_form, e.lemma = VERB_PRIORITY[cls], vf, fold_utf8(lemma)
    for cls, words in sorted(load_nouns(pack).items()):
        for w, pl in sorted(words.items()):
            add(w, cls)
            if pl and pl != "-":
                add(pl, cls)
    # Past / 3sg forms of any verb: class bits only (verb_form and lemma stay those of the speech
    # and cognition lists, which the attribution stage reads as "this is a speech verb form").
    for form, kind in sorted(load_verb_forms(pack)):
        add(form, {"past": "verb_past", "3sg": "verb_3sg"}[kind])
    for _n, cols in pack.rows("first_names.tsv", 2, 2):
        for g in cols[1]:
            add(cols[0], {"m": "first_male", "f": "first_female"}[g])
    for name, cls in (("countries.tsv", "country"), ("cities.tsv", "city")):
        for _n, cols in pack.rows(name, 2, 2):
            add(cols[0], cls)
    for name, cls in (("demonyms.txt", "demonym"), ("demonym_supplement.txt", "demonym"),
                      ("function_words.txt", "function"), ("function_words_extra.txt", "function"),
                      ("pronouns.txt", "pronoun"), ("calendar.txt", "calendar"), ("adverbs.txt", "ly_adverb")):
        for _n, cols in pack.rows(name, 1, 1):
            add(cols[0], cls)
    # words.tsv and words_*.tsv: any class, role or name role, by its name in data/features.tsv.
    add_word_rows(pack.word_rows(), entry, feats)
    # An adverb of the lists may stand between a subject and its verb, as the role says.
    adverb_class, adverb_role = C("ly_adverb"), feats.bit("role", "adverb", "gen_pack")
    for e in entries.values():
        if e.classes & adverb_class:
            e.roles |= adverb_role
    # The name lists also hold words that are mostly something else ("had", "say", "my", "will",
    # "tuesday"): a form that is a function word, pronoun, calendar word or speech/cognition verb
    # form is not taken as a first name.
    blockers = C("function") | C("pronoun") | C("calendar") | C("speech") | C("cognition")
    for e in entries.values():
        if e.classes & blockers:
            e.classes &= ~(C("first_male") | C("first_female"))
    return entries


def load_segment_words(pack, feats):
    """folded key -> Entry of the segmenter's table: the abbreviations (abbreviations.tsv: word
    without its final period, class) and the words of segment_*.tsv with their features."""
    words = {}

    def entry(word):
        key = fold_utf8(word.strip())
        if not key or len(key) > MAX_KEY or b" " in key:
            return None
        return words.setdefault(key, Entry(key))

    for n, cols in pack.rows("abbreviations.tsv", 2, 2):
        if cols[1] not in ABBREV_CLASSES:
            raise PackError("abbreviations.tsv:%d: unknown class %r" % (n, cols[1]))
        e = entry(cols[0])
        if e is None:
            raise PackError("abbreviations.tsv:%d: %r is no word form" % (n, cols[0]))
        if e.abbrev:
            raise PackError("abbreviations.tsv:%d: %s is listed twice" % (n, cols[0]))
        e.abbrev = ABBREV_CLASSES[cols[1]]
    add_word_rows(pack.word_rows(SEGMENT_FILES), entry, feats)
    return words


def load_cues(pack, feats, entries):
    """[(words, kind)] sorted by first word then longest first; first words get an entry (a verb
    phrase's first word the class cue_first, an `according` phrase's the role according)."""
    cues = []
    for n, cols in pack.rows("cue_phrases.tsv", 2, 2):
        kind, phrase = cols
        number = feats.number("cue", kind, "cue_phrases.tsv:%d" % n)
        words = [fold_utf8(w) for w in phrase.split()]
        if len(words) < 2 or len(words) > 6 or any(len(w) > MAX_KEY for w in words):
            raise PackError("cue_phrases.tsv:%d: a cue has 2 to 6 words" % n)
        cues.append((words, number))
        if words[0] not in entries:
            entries[words[0]] = Entry(words[0])
        if kind == "verb_phrase":
            entries[words[0]].classes |= feats.bit("class", "cue_first", "cue_phrases.tsv")
        elif kind == "according":
            entries[words[0]].roles |= feats.bit("role", "according", "cue_phrases.tsv")
    cues.sort(key=lambda c: (c[0][0], -len(c[0]), c[0]))
    return cues


LIST_FILES = r"lists(_[a-z0-9_]+)?\.tsv"


def load_lists(pack, feats):
    """SW_LIST_* -> [strings] in file order (lists.tsv and lists_*.tsv: list name, string; a list
    is given by one file)."""
    lists = {name: [] for name in feats.by_kind["list"]}
    owner = {}
    for fname in _word_files(pack.folder, LIST_FILES):
        for n, cols in pack.rows(fname, 2, 2):
            if cols[0] not in lists:
                raise PackError("%s:%d: unknown list %r (data/features.tsv)" % (fname, n, cols[0]))
            if owner.setdefault(cols[0], fname) != fname:
                raise PackError("%s:%d: list %s is given in %s already" % (fname, n, cols[0], owner[cols[0]]))
            if not cols[1] or len(cols[1].encode("utf-8")) > 255:
                raise PackError("%s:%d: an item has 1 to 255 bytes" % (fname, n))
            lists[cols[0]].append(cols[1].encode("utf-8"))
    return lists


def load_boilerplate(pack):
    """[(phrase, how)] sorted by the folded phrase (boilerplate.txt: "HOW phrase")."""
    out = []
    for n, cols in pack.rows("boilerplate.txt", 1, 1):
        how, _, phrase = cols[0].strip().partition(" ")
        phrase = " ".join(phrase.split())
        if how not in BOILERPLATE_HOW or not phrase or fold_utf8(phrase) != phrase.encode("utf-8"):
            raise PackError("boilerplate.txt:%d: bad entry %r (HOW, then the phrase in small letters)" % (n, cols[0]))
        if len(phrase.encode("utf-8")) > 60:
            raise PackError("boilerplate.txt:%d: a phrase has at most 60 bytes" % n)
        out.append((phrase.encode("utf-8"), BOILERPLATE_HOW[how]))
    out.sort()
    return out


def pack_meta(pack):
    meta = {}
    for n, cols in pack.rows("pack.tsv", 2, 2):
        meta[cols[0]] = cols[1]
    for k in ("code", "name"):
        if k not in meta:
            raise PackError("pack.tsv: no %s" % k)
    if not re.fullmatch(r"[a-z]{2,3}", meta["code"]):
        raise PackError("pack.tsv: the code is two or three small letters (ISO 639)")
    return meta


# -------------------------------------------------------------------------------------------------
# Writing C
# -------------------------------------------------------------------------------------------------


def c_bytes(data):
    """A byte string as the inside of a C string literal (octal escapes for non-ASCII and NUL)."""
    out = []
    for i, b in enumerate(data):
        if 32 <= b < 127 and b not in (34, 92, 63):
            out.append(chr(b))  # an octal escape always has three digits: nothing to separate
        else:
            out.append("\\%03o" % b)
    return "".join(out)


def c_string_lines(data, width=100):
    """A byte string with NUL separators as C string literal lines, broken after a NUL."""
    lines, cur = [], ""
    for piece in data.split(b"\0")[:-1]:
        cur += c_bytes(piece) + "\\0"
        if len(cur) >= width:
            lines.append('"%s"' % cur)
            cur = ""
    if cur:
        lines.append('"%s"' % cur)
    return lines or ['""']


def wrap(items, indent="    ", width=100):
    out, cur = [], indent
    for it in items:
        if len(cur) + len(it) + 1 > width and cur.strip():
            out.append(cur.rstrip())
            cur = indent
        cur += it + ","
    if cur.strip():
        out.append(cur)
    return out


class Table:
    """One hash table of a pack: its entries placed in slots, and its filter."""

    def __init__(self, entries, lemma_offsets, key_offsets):
        self.entries, self.lemma_offsets, self.key_offsets = entries, lemma_offsets, key_offsets
        keys = sorted(entries)
        size = 16
        while size * 2 < 3 * len(keys):  # at most two thirds full
            size *= 2
        self.size = size
        self.slots = [None] * size
        self.max_probe = 0
        for k in keys:
            h = hash_bytes(k) & (size - 1)
            probe = 1
            while self.slots[h] is not None:
                h = (h + 1) & (size - 1)
                probe += 1
            self.slots[h] = k
            self.max_probe = max(self.max_probe, probe)
        self.slot_of = {k: i for i, k in enumerate(self.slots) if k is not None}
        self.filter_bits = 9
        while self.filter_bits < FILTER_BITS_MAX and (1 << self.filter_bits) < 16 * len(keys):
            self.filter_bits += 1
        self.bitmap = [0] * ((1 << self.filter_bits) // 64)
        for k in keys:
            b = filter_bit(hash_bytes(k), self.filter_bits)
            self.bitmap[b >> 6] |= 1 << (b & 63)

    def record(self, k):
        if k is None:
            return "EMPTY"
        e = self.entries[k]
        head = k[:16]
        hs = '"%s"' % c_bytes(head) if len(head) < 16 else "{%s}" % ",".join("%#x" % b for b in head)
        return "{%s,%#x,%#x,%#x,%#x,%d,%d,%d,%d,%d,%d}" % (
            hs, e.classes, e.roles, e.names, hash_bytes(k), self.lemma_offsets[k], self.key_offsets[k], e.frames,
            len(k), e.verb_form, e.abbrev)

    def emit(self, w, out, name):
        w("_Alignas(64) static const sw_lex_info %s_slots[%d] = {" % (name, self.size))
        out.extend(wrap(self.record(k) for k in self.slots))
        w("};")
        w("static const uint64_t %s_filter[%d] = {" % (name, len(self.bitmap)))
        out.extend(wrap("%#xull" % x if x else "0" for x in self.bitmap))
        w("};")


def generate_pack(folder, feats, symbol=None):
    """The C source of one pack; symbol is its variable (sw_pack_<code> by default)."""
    pack = Pack(folder)
    meta = pack_meta(pack)
    code = meta["code"]
    symbol = symbol or "sw_pack_" + code
    entries = build_entries(pack, feats)
    cues = load_cues(pack, feats, entries)
    lists = load_lists(pack, feats)
    boilerplate = load_boilerplate(pack)
    segment = load_segment_words(pack, feats)
    keys = sorted(entries)

    pool = bytearray()
    offsets = {}

    def intern(s):
        if s not in offsets:
            offsets[s] = len(pool)
            pool.extend(s + b"\0")
        return offsets[s]

    for k in keys:
        intern(k)
    for k in sorted(segment):
        intern(k)
    lemma_offsets = {k: intern(entries[k].lemma) if entries[k].lemma else offsets[k] for k in keys}
    words_table = Table(entries, lemma_offsets, offsets)
    segment_table = Table(segment, {k: offsets[k] for k in segment}, offsets)
    cue_rows = []
    for words, kind in cues:
        cue_rows.append((len(words), kind, words_table.slot_of[words[0]], [intern(x) for x in words], b" ".join(words),
                         [len(x) for x in words]))
    # grouped by the slot of the first word (sw_pack_cue_phrase() searches them by it), longest first
    cue_rows.sort(key=lambda r: (r[2], -r[0], r[4]))

    counts = {}
    for e in entries.values():
        for i, name in enumerate(feats.by_kind["class"]):
            if e.classes & (1 << i):
                counts[name] = counts.get(name, 0) + 1

    out = []
    w = out.append
    w("/*")
    w(" * %s -- GENERATED by tools/gen_pack.py from the %s pack (%s); do not edit." %
      ("pack_%s.c" % code, meta["name"], os.path.relpath(folder, ROOT) if folder.startswith(ROOT) else code))
    w(" *")
    w(" * Regenerate with `python3 tools/gen_pack.py`; CI checks that the committed file is what the")
    w(" * data files give. The layout is src/lang/pack.h's.")
    w(" *")
    w(" * %d word forms in %d hash slots (longest probe %d, a %d-bit filter), %d words of the segmenter," %
      (len(keys), words_table.size, words_table.max_probe, 1 << words_table.filter_bits, len(segment)))
    w(" * %d cue phrases, %d boilerplate phrases. Forms per class:" % (len(cues), len(boilerplate)))
    for name in feats.by_kind["class"]:
        if counts.get(name):
            w(" *   %-20s %6d" % ("SW_LX_" + name.upper(), counts[name]))
    w(" */")
    w('#include "lang/pack.h"')
    w("")
    w("/* Every key (folded word form) and cue word, NUL-terminated; lemmas are offsets into it. */")
    w("static const char pool[] =")
    lines = c_string_lines(bytes(pool))
    for j, line in enumerate(lines):
        w("    " + line + (";" if j == len(lines) - 1 else ""))
    w("")
    w("/* The entries are the slots of the hash tables (pack.h, sw_pack_table), an empty slot has len 0.")
    w(" * Per slot (sw_lex_info): the key's first 16 bytes, classes, roles, name roles, hash, lemma and")
    w(" * key offsets in the pool, frames, key length, verb form, abbreviation class. A filter has bit")
    w(" * filter_bit(hash) set for every key's hash: a clear bit means \"not in the table\". */")
    w("#define EMPTY {\"\",0,0,0,0,0,0,0,0,0,0}")
    words_table.emit(w, out, "word")
    segment_table.emit(w, out, "segment")
    w("#undef EMPTY")
    w("")
    w("/* Cue phrases (word count, kind, word lengths, slot of the first word, word offsets in the pool),")
    w(" * grouped by first word, longest first. */")
    w("static const sw_lex_cue cues[%d] = {" % max(1, len(cues)))
    for n_words, kind, first, offs, text, lens in cue_rows:
        w("    {%d, %d, {%s}, %d, {%s}}, /* %s */" % (n_words, kind, ", ".join(str(x) for x in lens), first,
                                                     ", ".join(str(x) for x in offs), text.decode("utf-8")))
    if not cue_rows:
        w("    {0, 0, {0}, 0, {0}},")
    w("};")
    w("")
    w("/* The ordered lists (SW_LIST_*), each item NUL-terminated with its length. */")
    list_items = []
    for name in feats.by_kind["list"]:
        for item in lists[name]:
            list_items.append(item)
    w("static const sw_pack_item list_items[%d] = {" % max(1, len(list_items)))
    for item in list_items:
        w('    {"%s", %d},' % (c_bytes(item), len(item)))
    if not list_items:
        w('    {"", 0},')
    w("};")
    w("")
    w("/* Boilerplate phrases (folded, single spaces), sorted by their bytes, and how a line holds them. */")
    w("static const sw_pack_phrase boilerplate[%d] = {" % max(1, len(boilerplate)))
    for phrase, how in boilerplate:
        w('    {"%s", %d, %d},' % (c_bytes(phrase), len(phrase), how))
    if not boilerplate:
        w('    {"", 0, 0},')
    w("};")
    w("")
    w("const sw_pack %s = {" % symbol)
    w('    .code = "%s",' % code)
    w('    .name = "%s",' % c_bytes(meta["name"].encode("utf-8")))
    w("    .words = {word_slots, %d, %d, word_filter, %d}," % (words_table.size - 1, len(keys), words_table.filter_bits))
    w("    .segment = {segment_slots, %d, %d, segment_filter, %d}," %
      (segment_table.size - 1, len(segment), segment_table.filter_bits))
    w("    .pool = pool,")
    w("    .cues = cues,")
    w("    .n_cues = %d," % len(cues))
    w("    .lists = {")
    start = 0
    for name in feats.by_kind["list"]:
        w("        [SW_LIST_%s] = {list_items + %d, %d}," % (name.upper(), start, len(lists[name])))
        start += len(lists[name])
    w("    },")
    w("    .boilerplate = boilerplate,")
    w("    .n_boilerplate = %d," % len(boilerplate))
    w("};")
    return code, symbol, "\n".join(out) + "\n"


def generate_registry(packs):
    out = ["/*",
           " * packs.c -- GENERATED by tools/gen_pack.py: the language packs built into the library, one",
           " * per folder of data/ with a pack.tsv; do not edit.",
           " */",
           '#include "lang/pack.h"',
           ""]
    for _code, symbol in packs:
        out.append("extern const sw_pack %s;" % symbol)
    out.append("")
    out.append("/* By code. The first is the default language. */")
    out.append("const sw_pack *const sw_builtin_packs[] = {")
    for _code, symbol in packs:
        out.append("    &%s," % symbol)
    out.append("};")
    out.append("const unsigned sw_builtin_pack_count = %d;" % len(packs))
    return "\n".join(out) + "\n"


def pack_folders():
    """The folders of data/ that are packs, the default language (en) first, then by code."""
    found = []
    data = os.path.join(ROOT, "data")
    for name in sorted(os.listdir(data)):
        folder = os.path.join(data, name)
        if os.path.isfile(os.path.join(folder, "pack.tsv")):
            found.append(folder)
    found.sort(key=lambda f: (os.path.basename(f) != "en", os.path.basename(f)))
    return found


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="directory for the generated files (default src/lang), or with --pack the "
                                  "C file to write")
    ap.add_argument("--pack", help="generate one pack from this folder (its pack.tsv names it)")
    ap.add_argument("--symbol", help="with --pack: the variable's name (default sw_pack_<code>)")
    args = ap.parse_args()
    try:
        feats = Features(os.path.join(ROOT, "data", "features.tsv"))
        if args.pack:
            if not args.out:
                ap.error("--pack needs --out FILE.c")
            _code, _symbol, text = generate_pack(os.path.abspath(args.pack), feats, args.symbol)
            write(args.out, text)
            return 0
        out = args.out or os.path.join(ROOT, "src", "lang")
        write(os.path.join(out, "features.h"), feats.header())
        packs = []
        for folder in pack_folders():
            code, symbol, text = generate_pack(folder, feats)
            write(os.path.join(out, "pack_%s.c" % code), text)
            packs.append((code, symbol))
        write(os.path.join(out, "packs.c"), generate_registry(packs))
    except PackError as e:
        print("gen_pack: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
