#!/usr/bin/env python3
"""gen_lexicons.py -- turn the word lists of data/lexicon/ into src/lexicon/lexicon_tables.c.

    python3 tools/gen_lexicons.py                 # rewrites src/lexicon/lexicon_tables.c
    python3 tools/gen_lexicons.py --out DIR       # writes DIR/lexicon_tables.c instead

CI check (the committed table must be what the data files give):

    d=$(mktemp -d) && python3 tools/gen_lexicons.py --out "$d" && \
        cmp "$d/lexicon_tables.c" src/lexicon/lexicon_tables.c

It reads only files under data/lexicon/ (the tools/import_*.py scripts make the package-derived
ones by hand; the files marked "written for the project" are curated) and its output depends on
nothing else: same data, same bytes, on any machine with Python 3.

What it builds (see src/lexicon/lexicon.h for the contract and src/lexicon/lexicon_tables.h for the
layout):
  - one entry per word form, keyed by the folded form (ASCII letters and the Latin-1 / Latin
    Extended-A capitals lowered, exactly as fold_utf8() below and sw_lex_fold() in lexicon.c do),
    with the classes of every list the form is in merged into one sw_lex_info; verb forms carry
    their lemma, form and complement frames;
  - an open-addressing hash table (lex_hash() of the folded bytes, linear probing, at most two
    thirds full) whose 32-byte slots hold the key's first 16 bytes, its hash and the entry's
    classes and roles, so that a lookup reads one cache line of it and nothing else;
  - the multi-word cue phrases, grouped by their first word.
"""
import argparse
import os
import re
import sys

from verb_inflection import regular_verb_forms

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DATA = os.path.join(ROOT, "data", "lexicon")
MAX_KEY = 63  # longer words are never looked up (sw_lex_lookup returns NULL)

CLASS_BITS = {
    "speech": 1 << 0, "post": 1 << 1, "cognition": 1 << 2, "title": 1 << 3, "role": 1 << 4,
    "demonym": 1 << 5, "country": 1 << 6, "male": 1 << 7, "female": 1 << 8, "org": 1 << 9,
    "media": 1 << 10, "function": 1 << 11, "pronoun": 1 << 12, "calendar": 1 << 13,
    "place": 1 << 14, "city": 1 << 15, "past": 1 << 16, "3sg": 1 << 17,
    "adverb": 1 << 18, "cue_first": 1 << 19, "firm": 1 << 20,
}
CLASS_NAMES = {
    1 << 0: "SW_LX_SPEECH", 1 << 1: "SW_LX_SPEECH_POST", 1 << 2: "SW_LX_COGNITION",
    1 << 3: "SW_LX_TITLE", 1 << 4: "SW_LX_ROLE", 1 << 5: "SW_LX_DEMONYM", 1 << 6: "SW_LX_COUNTRY",
    1 << 7: "SW_LX_FIRST_MALE", 1 << 8: "SW_LX_FIRST_FEMALE", 1 << 9: "SW_LX_ORG_WORD",
    1 << 10: "SW_LX_MEDIA", 1 << 11: "SW_LX_FUNCTION", 1 << 12: "SW_LX_PRONOUN",
    1 << 13: "SW_LX_CALENDAR", 1 << 14: "SW_LX_PLACE_WORD", 1 << 15: "SW_LX_CITY",
    1 << 16: "SW_LX_VERB_PAST", 1 << 17: "SW_LX_VERB_3SG", 1 << 20: "SW_LX_FIRM",
}
FRAME_BITS = {"that": 1, "quote": 2, "tell": 4, "of": 8, "as": 16, "for": 32, "to": 64}
VF_BASE, VF_3SG, VF_PAST, VF_PART, VF_ING = 1, 2, 3, 4, 5
# Attribution's grammar roles (SW_W_* in src/lexicon/lexicon.h).
ROLE_BITS = {
    "adverb": 1 << 0, "det": 1 << 1, "subj_pron": 1 << 2, "obj_pron": 1 << 3, "doc_noun": 1 << 4,
    "prep": 1 << 5, "conj": 1 << 6, "title_noun": 1 << 7, "naming_verb": 1 << 8, "that": 1 << 9,
    "to": 1 << 10, "time": 1 << 11, "relative": 1 << 12, "aux": 1 << 13, "according": 1 << 14, "reads": 1 << 15,
}

NAME_BLOCKERS = (CLASS_BITS["function"] | CLASS_BITS["pronoun"] | CLASS_BITS["calendar"] |
                 CLASS_BITS["speech"] | CLASS_BITS["cognition"])
CUE_KINDS = {"according": 1, "source": 2, "verb": 3}
# Which list wins the lemma and verb form of a form that several verb lists share.
VERB_PRIORITY = {"speech": 0, "cognition": 1, "post": 2}


class LexiconError(Exception):
    pass


# -------------------------------------------------------------------------------------------------
# Folding and hashing (must match src/lexicon/lexicon.c)
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


def lex_hash(key):
    """sw_lex_hash() of lexicon.c: the key's bytes as little-endian 64-bit words (the last one
    zero-padded), each mixed in with a multiply and a shift; the low 32 bits of the result."""
    h = 0x9E3779B97F4A7C15 ^ len(key)
    for i in range(0, len(key), 8):
        h = ((h ^ int.from_bytes(key[i:i + 8].ljust(8, b"\0"), "little")) * 0xFF51AFD7ED558CCD) & M64
        h ^= h >> 29
    h = (h * 0xC4CEB9FE1A85EC53) & M64
    h ^= h >> 32
    return h & 0xFFFFFFFF


# -------------------------------------------------------------------------------------------------
# Reading the data files
# -------------------------------------------------------------------------------------------------


def rows(name, min_cols=1, max_cols=99):
    path = os.path.join(DATA, name)
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not (min_cols <= len(cols) <= max_cols):
                raise LexiconError("%s:%d: expected %d..%d tab-separated columns" %
                                   (name, n, min_cols, max_cols))
            out.append((n, cols))
    return out


def parse_frames(text, where):
    bits = 0
    for f in filter(None, text.split(",")):
        if f == "-":
            continue
        if f not in FRAME_BITS:
            raise LexiconError("%s: unknown frame %r" % (where, f))
        bits |= FRAME_BITS[f]
    return bits


def verb_forms(lemma, cols):
    """[(form, verb_form)] from the columns 3sg past participle ing (missing: regular rules)."""
    s3, past, ing = regular_verb_forms(lemma)
    part = "-"
    given = [c for c in cols if c]
    if given:
        if len(given) != 4:
            raise LexiconError("verb %s: give all four forms (3sg past participle ing) or none" % lemma)
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


def load_verbs():
    """lemma -> {class -> frames}, lemma -> forms; WordNet lists plus the curated supplement."""
    verbs = {}   # (cls, lemma) -> [frames, forms]
    for cls, name in (("speech", "speech_verbs.tsv"), ("cognition", "cognition_verbs.tsv")):
        for n, cols in rows(name, 7, 7):
            lemma = cols[0]
            verbs[(cls, lemma)] = [parse_frames(cols[1], "%s:%d" % (name, n)),
                                   verb_forms(lemma, cols[2:6])]
    for n, cols in rows("speech_supplement.tsv", 3, 8):
        where = "speech_supplement.tsv:%d" % n
        cls, action, lemma = cols[:3]
        frames = cols[3] if len(cols) > 3 else ""
        if cls not in VERB_PRIORITY:
            raise LexiconError("%s: unknown class %r" % (where, cls))
        key = (cls, lemma)
        if action == "-":
            if key not in verbs:
                raise LexiconError("%s: %s %s is not in the list it removes it from" % (where, cls, lemma))
            del verbs[key]
        elif action in "+=":
            bits = parse_frames(frames, where)
            if key in verbs and len(cols) == 4:
                verbs[key][0] = bits if action == "=" else verbs[key][0] | bits
            else:
                verbs[key] = [bits, verb_forms(lemma, cols[4:8])]
        else:
            raise LexiconError("%s: action must be +, - or =" % where)
    for n, cols in rows("speech_post.tsv", 1, 5):
        lemma = cols[0]
        verbs[("post", lemma)] = [FRAME_BITS["quote"], verb_forms(lemma, cols[1:5])]
    return verbs


def load_nouns():
    """class -> {word: plural or None}: WordNet noun lists plus noun_supplement.tsv."""
    groups = {}
    for cls, name in (("title", "titles.txt"), ("role", "roles.txt"), ("org", "org_words.txt"),
                      ("media", "media_words.txt"), ("place", "place_words.txt"), ("firm", "firm_words.txt")):
        groups[cls] = {cols[0]: cols[1] for _n, cols in rows(name, 3, 3)}
    for n, cols in rows("noun_supplement.tsv", 3, 4):
        where = "noun_supplement.tsv:%d" % n
        cls, action, word = cols[:3]
        if cls not in groups:
            raise LexiconError("%s: unknown class %r" % (where, cls))
        if action == "-":
            if word not in groups[cls]:
                raise LexiconError("%s: %s %s is not in the list" % (where, cls, word))
            del groups[cls][word]
        elif action == "+":
            groups[cls][word] = cols[3] if len(cols) > 3 and cols[3] else None
        else:
            raise LexiconError("%s: action must be + or -" % where)
    return groups


def load_verb_forms():
    """{(form, kind)}: the past / 3sg forms of verb_forms.tsv with verb_forms_supplement.tsv applied."""
    forms = {(cols[0], cols[1]) for _n, cols in rows("verb_forms.tsv", 4, 4)}
    for n, cols in rows("verb_forms_supplement.tsv", 3, 4):
        where = "verb_forms_supplement.tsv:%d" % n
        action, form, kind = cols[:3]
        if kind not in ("past", "3sg"):
            raise LexiconError("%s: kind must be past or 3sg" % where)
        if action == "+":
            if (form, kind) in forms:
                raise LexiconError("%s: %s %s is already listed" % (where, form, kind))
            forms.add((form, kind))
        elif action == "-":
            if (form, kind) not in forms:
                raise LexiconError("%s: %s %s is not in the list" % (where, form, kind))
            forms.discard((form, kind))
        else:
            raise LexiconError("%s: action must be + or -" % where)
    return forms


# -------------------------------------------------------------------------------------------------
# Building the entries
# -------------------------------------------------------------------------------------------------


class Entry:
    __slots__ = ("word", "key", "classes", "verb_form", "frames", "lemma", "prio", "roles")

    def __init__(self, word, key):
        self.word, self.key = word, key
        self.classes, self.verb_form, self.frames, self.lemma, self.prio = 0, 0, 0, None, 99
        self.roles = 0


def build_entries():
    entries = {}

    def add(word, cls):
        key = fold_utf8(word.strip())
        if not key or len(key) > MAX_KEY or b" " in key:
            return None
        e = entries.get(key)
        if e is None:
            e = entries[key] = Entry(key.decode("utf-8"), key)
        e.classes |= CLASS_BITS[cls]
        return e

    for (cls, lemma), (frames, forms) in sorted(load_verbs().items(),
                                                 key=lambda kv: (VERB_PRIORITY[kv[0][0]], kv[0][1])):
        for form, vf in forms:
            e = add(form, cls)
            if e is None:
                continue
            e.frames |= frames
            if VERB_PRIORITY[cls] < e.prio or (VERB_PRIORITY[cls] == e.prio and vf == VF_BASE):
                e.prio, e.verb_form, e.lemma = VERB_PRIORITY[cls], vf, fold_utf8(lemma).decode("utf-8")
    for cls, words in sorted(load_nouns().items()):
        for w, pl in sorted(words.items()):
            add(w, cls)
            if pl and pl != "-":
                add(pl, cls)
    # Past / 3sg forms of any verb: class bits only (verb_form and lemma stay those of the speech
    # and cognition lists, which the attribution stage reads as "this is a speech verb form").
    for form, kind in sorted(load_verb_forms()):
        add(form, kind)
    for _n, cols in rows("first_names.tsv", 2, 2):
        for g in cols[1]:
            add(cols[0], {"m": "male", "f": "female"}[g])
    for name, cls in (("countries.tsv", "country"), ("cities.tsv", "city")):
        for _n, cols in rows(name, 2, 2):
            add(cols[0], cls)
    for name, cls in (("demonyms.txt", "demonym"), ("demonym_supplement.txt", "demonym"),
                      ("function_words.txt", "function"),
                      ("function_words_extra.txt", "function"),
                      ("pronouns.txt", "pronoun"), ("calendar.txt", "calendar"),
                      ("adverbs.txt", "adverb")):
        for _n, cols in rows(name, 1, 1):
            add(cols[0], cls)
    # Attribution's grammar roles (attribution_words.tsv): bits of sw_lex_info.roles.
    for n, cols in rows("attribution_words.tsv", 2, 2):
        key = fold_utf8(cols[0])
        e = entries.get(key)
        if e is None:
            e = entries[key] = Entry(key.decode("utf-8"), key)
        for role in cols[1].split(","):
            if role not in ROLE_BITS:
                raise LexiconError("attribution_words.tsv:%d: unknown role %r" % (n, role))
            e.roles |= ROLE_BITS[role]
    # The name packages also list words that are mostly something else ("had", "say", "my", "will",
    # "tuesday"): a form that is a function word, pronoun, calendar word or speech/cognition verb
    # form is not taken as a first name.
    for e in entries.values():
        if e.classes & NAME_BLOCKERS:
            e.classes &= ~(CLASS_BITS["male"] | CLASS_BITS["female"])
    return entries


def load_cues(entries):
    """[(words, kind)] sorted by first word then longest first; first words get an entry."""
    cues = []
    for n, cols in rows("cue_phrases.tsv", 2, 2):
        kind, phrase = cols
        if kind not in CUE_KINDS:
            raise LexiconError("cue_phrases.tsv:%d: unknown kind %r" % (n, kind))
        words = [fold_utf8(w) for w in phrase.split()]
        if len(words) < 2 or len(words) > 6 or any(len(w) > MAX_KEY for w in words):
            raise LexiconError("cue_phrases.tsv:%d: a cue has 2 to 6 words" % n)
        cues.append((words, CUE_KINDS[kind]))
        if words[0] not in entries:
            entries[words[0]] = Entry(words[0].decode("utf-8"), words[0])
        if kind == "verb":
            entries[words[0]].classes |= CLASS_BITS["cue_first"]
    cues.sort(key=lambda c: (c[0][0], -len(c[0]), c[0]))
    return cues


# -------------------------------------------------------------------------------------------------
# Writing C
# -------------------------------------------------------------------------------------------------


def c_string_lines(data, width=100):
    """A byte string as C string literal lines (octal escapes for non-ASCII and NUL)."""
    lines, cur = [], ""
    for b in data:
        if b == 0:
            piece = "\\0"
        elif 32 <= b < 127 and b not in (34, 92, 63):
            piece = chr(b)
        else:
            piece = "\\%03o" % b
        cur += piece
        if len(cur) >= width and b == 0:
            lines.append('"%s"' % cur)
            cur = ""
    if cur:
        lines.append('"%s"' % cur)
    return lines


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


def generate():
    entries = build_entries()
    cues = load_cues(entries)
    keys = sorted(entries)
    index = {k: i for i, k in enumerate(keys)}

    pool = bytearray()
    offsets = {}

    def intern(s):
        if s not in offsets:
            offsets[s] = len(pool)
            pool.extend(s + b"\0")
        return offsets[s]

    for k in keys:
        intern(k)
    size = 1
    while size * 2 < 3 * len(keys):  # at most two thirds full
        size *= 2
    slots = [0] * size
    max_probe = 0
    for i, k in enumerate(keys):
        h = lex_hash(k) & (size - 1)
        probe = 0
        while slots[h]:
            h = (h + 1) & (size - 1)
            probe += 1
        slots[h] = i + 1
        max_probe = max(max_probe, probe)

    counts = {}
    for e in entries.values():
        for bit, name in CLASS_NAMES.items():
            if e.classes & bit:
                counts[name] = counts.get(name, 0) + 1

    info_items = []
    for k in keys:
        e = entries[k]
        lemma = intern(fold_utf8(e.lemma)) if e.lemma else offsets[k]
        info_items.append("E(%#x,%d,%d,%#x,%d)" % (e.classes, e.verb_form, e.frames, e.roles, lemma))
    cue_lines = []
    for words, kind in cues:
        cue_lines.append("    {%d, %d, %d, {%s}}, /* %s */" % (
            len(words), kind, index[words[0]], ", ".join(str(intern(x)) for x in words),
            b" ".join(words).decode("utf-8")))

    out = []
    w = out.append
    w("/*")
    w(" * lexicon_tables.c -- GENERATED by tools/gen_lexicons.py from data/lexicon/; do not edit.")
    w(" *")
    w(" * Regenerate with `python3 tools/gen_lexicons.py`; CI checks that the committed file is what")
    w(" * the data files give. Sources and licences of the word lists: data/lexicon/SOURCES.md.")
    w(" *")
    w(" * %d word forms, %d hash slots (longest probe %d), %d cue phrases. Forms per class:" %
      (len(keys), size, max_probe + 1, len(cues)))
    for bit in sorted(CLASS_NAMES):
        w(" *   %-20s %6d" % (CLASS_NAMES[bit], counts.get(CLASS_NAMES[bit], 0)))
    w(" */")
    w('#include "lexicon/lexicon_tables.h"')
    w("")
    w("/* Every key (folded word form) and cue word, NUL-terminated; verb lemmas point into it. */")
    w("static const char lex_pool[] =")
    lines = c_string_lines(bytes(pool))
    for j, line in enumerate(lines):
        w("    " + line + (";" if j == len(lines) - 1 else ""))
    w("const char *const sw_lex_tab_pool = lex_pool;")
    w("")
    w("const uint32_t sw_lex_tab_entries = %d;" % len(keys))
    w("const uint32_t sw_lex_tab_slot_mask = %d;" % (size - 1))
    w("const uint32_t sw_lex_tab_cue_count = %d;" % len(cues))
    w("")
    w("/* Per entry, in key order: what the word is (classes 0: only the first word of a cue). */")
    w("#define E(classes, form, frames, roles, lemma) {classes, form, frames, roles, lex_pool + lemma}")
    w("const sw_lex_info sw_lex_tab_info[%d] = {" % len(keys))
    out.extend(wrap(info_items))
    w("};")
    w("#undef E")
    w("")
    w("/* Per entry: offset of its key in lex_pool, and the key's length in bytes. */")
    w("const uint32_t sw_lex_tab_key[%d] = {" % len(keys))
    out.extend(wrap(str(offsets[k]) for k in keys))
    w("};")
    w("const uint8_t sw_lex_tab_key_len[%d] = {" % len(keys))
    out.extend(wrap(str(len(k)) for k in keys))
    w("};")
    w("")
    def slot_record(x):
        if not x:
            return "{\"\",0,0,0,0,0}"
        k, e = keys[x - 1], entries[keys[x - 1]]
        if e.classes >= 1 << 32 or e.roles >= 1 << 16:
            raise LexiconError("%s: classes or roles do not fit the slot" % k.decode("utf-8"))
        head = k[:16]
        # a string literal when there is room for its NUL, else the bytes one by one
        head = c_string_lines(head)[0] if len(head) < 16 else "{%s}" % ",".join("%#x" % b for b in head)
        return "{%s,%#x,%#x,%d,%#x,%d}" % (head, lex_hash(k), e.classes, x, e.roles, len(k))

    w("/* The hash table: lex_hash() of the folded key & slot_mask, linear probing. Per slot: the")
    w(" * key's first 16 bytes, its hash, the entry's classes, entry index + 1 (0: empty), roles and")
    w(" * key length. Two slots to a 64-byte line. */")
    w("_Alignas(64) const sw_lex_slot sw_lex_tab_slots[%d] = {" % size)
    out.extend(wrap(slot_record(x) for x in slots))
    w("};")
    w("")
    w("/* Cue phrases (word count, kind, entry of the first word, word offsets in lex_pool), grouped")
    w(" * by first word, longest first. */")
    w("const sw_lex_cue sw_lex_tab_cue[%d] = {" % max(1, len(cues)))
    out.extend(cue_lines)
    w("};")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "src", "lexicon"),
                    help="directory to write lexicon_tables.c into")
    args = ap.parse_args()
    try:
        text = generate()
    except LexiconError as e:
        print("gen_lexicons: %s" % e, file=sys.stderr)
        return 1
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "lexicon_tables.c"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
