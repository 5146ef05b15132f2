"""The regular English verb inflections, shared by tools/import_wordnet.py (which writes the word
lists) and tools/gen_lexicons.py (which inflects verbs the curated files add without their forms)."""
import re

VOWELS = "aeiou"


def is_cvc_monosyllable(w):
    """One vowel group, ending consonant-vowel-consonant (snap, shrug): the final consonant doubles."""
    return (len(re.findall(r"[aeiou]+", w)) == 1 and len(w) >= 3 and w[-1] not in "aeiouwxy"
            and w[-2] in VOWELS and w[-3] not in VOWELS)


def regular_verb_forms(w):
    """(3sg, past, ing) by the regular English rules."""
    if re.search(r"(s|x|z|ch|sh|o)$", w):
        s3 = w + "es"
    elif re.search(r"[^aeiou]y$", w):
        s3 = w[:-1] + "ies"
    else:
        s3 = w + "s"
    double = is_cvc_monosyllable(w)
    if w.endswith("e"):
        past = w + "d"
    elif re.search(r"[^aeiou]y$", w):
        past = w[:-1] + "ied"
    elif double:
        past = w + w[-1] + "ed"
    else:
        past = w + "ed"
    if w.endswith("ie"):
        ing = w[:-2] + "ying"
    elif w.endswith("e") and not re.search(r"(ee|ye|oe)$", w):
        ing = w[:-1] + "ing"
    elif double:
        ing = w + w[-1] + "ing"
    else:
        ing = w + "ing"
    return s3, past, ing
