"""The shape of a written Vietnamese syllable: onset + rhyme + at most one tone mark.

Used to tell real Vietnamese from text in an old font encoding (TCVN3 'Céng hoµ', VNI 'Coäng hoaø'),
whose words mostly fail this shape, and from Unicode text wrongly run through such a table.
Rhymes are written without the tone mark, lower case, NFC.
"""

from __future__ import annotations

# Initial consonants, longest first so 'ngh' is tried before 'ng' and 'n'. 'gi' and 'qu' act as onsets.
ONSETS: tuple[str, ...] = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)  # fmt: skip

# Every rhyme (vowel nucleus with its glide and final consonant) of the standard orthography.
_RHYMES_BY_VOWEL = (
    "a ac ach ai am an ang anh ao ap at au ay",
    "ăc ăm ăn ăng ăp ăt",
    "âc âm ân âng âp ât âu ây",
    "e ec em en eng eo ep et",
    "ê êch êm ên ênh êp êt êu",
    "i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu",
    "o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt",
    "oe oem oen oeo oet oc oi om on ong oong ooc op ot",
    "ô ôc ôi ôm ôn ông ôp ôt",
    "ơ ơi ơm ơn ơp ơt",
    "u ua uân uâng uât uây uê uêch uênh uy uya uych uyên uyêt uynh uyt uyu",
    "uc ui um un ung uôc uôi uôm uôn uông uôt up ut uơ",
    "ư ưa ưc ưi ưm ưn ưng ưt ươ ươc ươi ươm ươn ương ươp ươt ươu ưu",
    "y yêm yên yêng yêt yêu",
)
RHYMES: frozenset[str] = frozenset(rhyme for group in _RHYMES_BY_VOWEL for rhyme in group.split())

# The five tone marks as combining characters (NFD): huyền, sắc, ngã, hỏi, nặng.
TONE_MARKS: frozenset[str] = frozenset("\u0300\u0301\u0303\u0309\u0323")
