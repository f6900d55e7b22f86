"""Finds personal data in a message: each detector returns the (start, end) spans it finds.

Pure Python: no Rasa import, so it can be tested and reviewed alone.
"""

import re
import unicodedata
from typing import Callable, Iterator, Text, Tuple

import phonenumbers
from stdnum import iban

Span = Tuple[int, int]
Detector = Callable[[Text], Iterator[Span]]

# NIR (numéro de sécurité sociale): 13 digits, or 15 with the key, right or wrong.
# Its shape is the false-positive check: sex 1-4, 7 or 8; month 01-12 or 20-99;
# department two digits, 2A or 2B; a number glued to other digits is not one.
NIR_SEPARATOR = r"(?:\s*[.\-/_]\s*|\s+)?"
NIR_CANDIDATE = re.compile(
    r"(?<![\w])[1-478]"
    + NIR_SEPARATOR
    + r"\d{2}"
    + NIR_SEPARATOR
    + r"(?:0[1-9]|1[0-2]|[2-9]\d)"
    + NIR_SEPARATOR
    + r"(?:\d{2}|2[ABab])"
    + NIR_SEPARATOR
    + r"\d{3}"
    + NIR_SEPARATOR
    + r"\d{3}"
    + r"(?:"
    + NIR_SEPARATOR
    + r"\d{2})?(?![\w])"
)
# An e-mail address, written or read aloud: « jean point dupont arobase gmail point com ».
SPOKEN_DOT = r"(?:\s+point\s+|\.)"
EMAIL = re.compile(
    r"[\w+\-]+(?:(?:" + SPOKEN_DOT + r"|\s+(?:tiret(?:\s+bas)?|underscore)\s+)[\w+\-]+)*"
    r"\s*(?:\b(?:arobase|arrobase|arobas|arrobas)\b|@)\s*"
    r"[\w\-]+(?:" + SPOKEN_DOT + r"[\w\-]+)+",
    re.IGNORECASE,
)
IBAN_CANDIDATE = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){11,30}\b")
# A code is a word with a digit, or four or more capitals or digits.
CODE_WORD = r"(?:[\w\-]*\d[\w\-]*|(?-i:[A-Z0-9]{4,}))"
CODE_IN_CONTEXT = re.compile(
    r"\b(?:num[ée]ro\s+de\s+s[ée]rie|n°\s*de\s+s[ée]rie|codes?|mot\s+de\s+passe|mdp)"
    r"(?:\s+(?:provisoire|unique|à\s+usage\s+unique|a\s+usage\s+unique|de\s+connexion"
    r"|d'activation|secret|reçu|recu|de\s+ma\s+carte(?:\s+vitale)?|vitale))*"
    r"(?:\s*(?:c'est|c\s+est|est|:|=|le|la|du|de|ma\s+carte|carte|vitale))*\s*"
    r"(?P<value>" + CODE_WORD + r"(?:[ \-]" + CODE_WORD + r")*)",
    re.IGNORECASE,
)
MONTHS = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre"
    r"|octobre|novembre|d[ée]cembre)"
)
DATE = (
    r"(?:\d{1,2}[ /.\-]\d{1,2}[ /.\-]\d{2,4}"
    r"|\d{1,2}(?:er)?\s+" + MONTHS + r"(?:\s+\d{2,4})?"
    r"|\d{4})"
)
BIRTH_DATE_IN_CONTEXT = re.compile(
    r"\b(?:n[ée]e?s?\s+(?:le|en)|date\s+de\s+naissance(?:\s*(?::|est|c'est|le))*"
    r"|naissance\s*:)\s*(?:le\s+)?(?P<value>" + DATE + r")\b",
    re.IGNORECASE,
)

# Names: the words after a self-introduction or a civil title.
WORD = r"[^\W\d_][\w'’\-]*"
# Words that are not names, lower case, without accents: « Madame, est-ce que… »,
# « mon nom est mal écrit ».
NOT_NAMES = frozenset(
    """
a ai as au aux avec avez avoir bien bonjour bonsoir c ca ce ces cette comment d dans de des
dois doit du elle en est et etre excusez faut fait il ils j je jai l la le les leur lui m ma
mais me merci mes moi mon n ne non nous on ou oui par pardon pas peut peux plus pour pouvez
pourquoi qu quand que qui quoi s sa sans se ses si son sont suis sur svp ta te tes toi ton
tu un une voudrais voulais vous votre vos y
ans an caracteres eur euro euros fois habitants heures jours km messages minutes mois personnes semaines
mal faux fausse mauvais mauvaise incorrect incorrecte errone erronee ecrit ecrite bon bonne juste correct
correcte different differente change changee modifie modifiee inverse incomplet incomplete trop toujours
encore deja vide absent absente manquant
""".split()
)
# Small words inside a street or town name: « rue de la Paix », « Boulogne sur Mer »;
# inside a name when they have a capital: « Madame Le Goff », « M. De Sousa ».
PARTICLES = frozenset("d de des du en l la le les sous sur".split())
NAME_PARTICLES = frozenset("d da de del della des di du l la le van von".split())
TITLE = r"(?:madame|monsieur|mademoiselle|mme|mlle|mr|m\.)"
NAME_CUE = re.compile(
    r"\b(?:je\s+m['’ ]?\s*appelle|mon\s+(?:nom|pr[ée]nom)(?:\s+de\s+famille)?\s*(?:est|c['’ ]?\s*est|:)"
    r"|je\s+me\s+nomme)\s+|(?<![\w.])" + TITLE + r"(?=\s)\s*",
    re.IGNORECASE,
)
NAME_WORD = re.compile(r"\s*(" + WORD + r")")
MAX_NAME_WORDS = 3

# Postal addresses: number + street type, postcode + town.
STREET_TYPE = (
    r"(?:rue|avenue|av|boulevard|bd|bld|place|pl|chemin|impasse|all[ée]e|route|rte|quai|cours"
    r"|square|passage|lotissement|r[ée]sidence|hameau|lieu[\s-]dit|voie|sentier|faubourg"
    r"|rond[\s-]point|esplanade|cit[ée]|villa|parvis|promenade)"
)
STREET = re.compile(r"\b\d{1,4}\s*(?:bis|ter|[ab])?\s*,?\s+" + STREET_TYPE + r"\.?(?=\s)", re.IGNORECASE)
POSTCODE = re.compile(r"(?<![\w])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?![\w])")


def nir_spans(text: Text) -> Iterator[Span]:
    """NIR-shaped numbers, whatever their key: a mistyped NIR is still a NIR."""
    for match in NIR_CANDIDATE.finditer(text):
        yield match.span()


def phone_spans(text: Text) -> Iterator[Span]:
    """Phone numbers of a possible length; one without country code is read as French."""
    for match in phonenumbers.PhoneNumberMatcher(text, "FR", leniency=phonenumbers.Leniency.POSSIBLE):
        yield match.start, match.end


def email_spans(text: Text) -> Iterator[Span]:
    """E-mail addresses, written or spelled out (« arobase », « point com »)."""
    for match in EMAIL.finditer(text):
        yield match.span()


def iban_spans(text: Text) -> Iterator[Span]:
    """IBANs with a valid check; trailing words caught by the pattern are left out."""
    for match in IBAN_CANDIDATE.finditer(text):
        start, end = match.span()
        while end - start >= 15:
            end = start + len(text[start:end].rstrip(" -"))
            if iban.is_valid(text[start:end]):
                yield start, end
                break
            end -= 1


def _value_spans(pattern: "re.Pattern") -> Detector:
    def spans(text: Text) -> Iterator[Span]:
        for match in pattern.finditer(text):
            yield match.span("value")

    return spans


code_spans = _value_spans(CODE_IN_CONTEXT)
code_spans.__doc__ = "Carte Vitale serial numbers, provisional and one-time codes, after words that announce them."
birth_date_spans = _value_spans(BIRTH_DATE_IN_CONTEXT)
birth_date_spans.__doc__ = "Dates after « né le », « date de naissance »…"


def fold(text: Text) -> Text:
    """Lower case without accents, one character for one: spans found in it fit the text."""
    return "".join(unicodedata.normalize("NFD", char)[0] for char in text.lower())


def _first_part(word: Text) -> Text:
    """« est » for « est-ce », « j » for « j'ai »."""
    return fold(re.split(r"['’\-]", word)[0])


def _street_particle(word: Text) -> bool:
    return _first_part(word) in PARTICLES


def _name_particle(word: Text) -> bool:
    return word[0].isupper() and _first_part(word) in NAME_PARTICLES


def _name_words_end(text: Text, start: int, particle: Callable[[Text], bool]) -> int:
    """The end of the name words from `start` (`start` if none): at most
    MAX_NAME_WORDS of them, small words (`particle`) between them."""
    end = position = start
    names = 0
    while names < MAX_NAME_WORDS:
        word = NAME_WORD.match(text, position)
        if not word:
            break
        if particle(word.group(1)):
            position = word.end()
            continue
        if _first_part(word.group(1)) in NOT_NAMES:
            break
        end = position = word.end()
        names += 1
    return end


def name_spans(text: Text) -> Iterator[Span]:
    """Names after « je m'appelle », « mon nom est », or a title (Madame, M., Mme…)."""
    for cue in NAME_CUE.finditer(text):
        end = _name_words_end(text, cue.end(), _name_particle)
        if end > cue.end():
            yield cue.end(), end


def address_spans(text: Text) -> Iterator[Span]:
    """A number and a street type with the street's name; a postcode and its town."""
    for start in STREET.finditer(text), POSTCODE.finditer(text):
        for match in start:
            end = _name_words_end(text, match.end(), _street_particle)
            if end > match.end():
                yield match.start(), end
