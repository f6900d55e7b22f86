"""Generated personal data (NIRs with right and wrong keys, phones, e-mails written
or spelled out, IBANs, codes, birth dates, names, addresses, health statements)
and ordinary messages, for the privacy tests."""

import random
import string
from typing import List, NamedTuple

from actions.deadline import MONTHS

SEPARATORS = ["", " ", ".", "-"]
NIR_SEPARATORS = SEPARATORS + ["/", " - ", "  "]
FIRST_NAMES = [
    "Colette",
    "Jean",
    "Marie",
    "Bernard",
    "Josiane",
    "Gérard",
    "Monique",
    "Françoise",
    "Michel",
    "Yvette",
    "Roland",
    "Huguette",
    "Thérèse",
    "Lucien",
    "Ginette",
    "René",
    "Odile",
    "Marcel",
    "Jacqueline",
    "André",
    "Éliane",
    "Raymond",
    "Solange",
    "Hélène",
]
LAST_NAMES = [
    "Vasseur",
    "Lefebvre",
    "Marchand",
    "Rousseau",
    "Gauthier",
    "Perrin",
    "Lemaire",
    "Barbier",
    "Chevalier",
    "Boucher",
    "Mercier",
    "Fontaine",
    "Leclerc",
    "Girard",
    "Lacroix",
    "Bonnet",
    "Dupuis",
    "Morvan",
    "Le Goff",
    "Kerjean",
    "Pelletier",
    "Brunet",
]
TITLES = ["Madame", "Monsieur", "Mme", "M.", "Mademoiselle", "madame", "monsieur"]
STREET_TYPES = ["rue", "avenue", "boulevard", "bd", "place", "chemin", "impasse", "allée", "route", "quai"]
STREET_NAMES = [
    "des Lilas",
    "Victor Hugo",
    "de la Paix",
    "du Général de Gaulle",
    "Jean Jaurès",
    "des Acacias",
    "de l'Église",
    "du Moulin",
    "Pasteur",
    "des Écoles",
]
TOWNS = [
    ("44000", "Nantes"),
    ("69003", "Lyon"),
    ("13001", "Marseille"),
    ("59800", "Lille"),
    ("35000", "Rennes"),
    ("20000", "Ajaccio"),
    ("97400", "Saint-Denis"),
    ("29200", "Brest"),
    ("01000", "Bourg-en-Bresse"),
    ("62100", "Calais"),
]
EMAIL_DOMAINS = [("gmail", "com"), ("orange", "fr"), ("free", "fr"), ("laposte", "net"), ("wanadoo", "fr")]
# (what the person says, the health word in it): the word is what must never be kept.
HEALTH_STATEMENTS = [
    ("j'ai un cancer du sein et je suis sous {}", "chimiothérapie"),
    ("je suis {} depuis 2010", "séropositif"),
    ("je suis {} depuis 2010", "seropositive"),
    ("j'ai fait une {} l'an dernier", "dépression"),
    ("j'ai {} il y a deux ans", "avorté"),
    ("j'ai eu une {} en 2019, ça va se voir ?", "IVG"),
    ("mon mari a la maladie d'{}", "Alzheimer"),
    ("je suis {} et je fais mes piqûres seule", "diabétique"),
    ("ma fille a un {} depuis peu", "cancer"),
    ("je prends des {} depuis un an", "antidépresseurs"),
    ("mon fils est {}, il a un espace ?", "schizophrène"),
    ("je suis en {} trois fois par semaine", "dialyse"),
    ("j'ai le {}, est-ce que mon médecin le verra ?", "VIH"),
    ("j'ai fait une {} le mois dernier", "fausse couche"),
    ("je suis suivi en {} depuis longtemps", "psychiatrie"),
    ("ma femme a une {} en plaques", "sclérose"),
]


class Sample(NamedTuple):
    message: str  # what the person types
    secret: str  # what must never be stored or logged


def nir_key(first_13: str) -> str:
    """97 - (number mod 97); Corsica's 2A and 2B count as 19 and 18."""
    number = int(first_13.upper().replace("2A", "19").replace("2B", "18"))
    return f"{97 - number % 97:02d}"


def nir(rng: random.Random, separator: str = " ", department: str = "", key: str = "right") -> str:
    """A NIR whose key is "right", "wrong" or "none" (13 digits)."""
    parts = [
        rng.choice("12"),
        f"{rng.randint(0, 99):02d}",
        f"{rng.randint(1, 12):02d}",
        department or rng.choice([f"{rng.randint(1, 95):02d}", "2A", "2B"]),
        f"{rng.randint(1, 990):03d}",
        f"{rng.randint(1, 999):03d}",
    ]
    right = nir_key("".join(parts))
    keys = {"right": [right], "wrong": [f"{(int(right) + rng.randint(1, 96)) % 97:02d}"], "none": []}
    return separator.join(parts + keys[key])


def full_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def address(rng: random.Random) -> str:
    postcode, town = rng.choice(TOWNS)
    number = f"{rng.randint(1, 250)}{rng.choice(['', '', ' bis'])}"
    return f"{number} {rng.choice(STREET_TYPES)} {rng.choice(STREET_NAMES)} {postcode} {town}"


def spelled_email(rng: random.Random) -> str:
    first, last = rng.choice(FIRST_NAMES).lower(), rng.choice(LAST_NAMES).lower().replace(" ", "")
    provider, suffix = rng.choice(EMAIL_DOMAINS)
    dot = rng.choice([" point ", "."])
    local = rng.choice([f"{first}{dot}{last}", f"{first} tiret {last}", f"{last}{rng.randint(1, 99)}"])
    return f"{local} {rng.choice(['arobase', 'arrobase', '@'])} {provider}{dot}{suffix}"


def phone(rng: random.Random) -> str:
    digits = [rng.choice("1234569")] + [str(rng.randint(0, 9)) for _ in range(8)]
    pairs = [digits[0]] + ["".join(digits[i : i + 2]) for i in range(1, 9, 2)]
    prefix, separator = rng.choice(["0", "+33 ", "0033 ", "+33"]), rng.choice(SEPARATORS)
    return prefix + separator.join(pairs) if prefix == "0" else prefix + " ".join(pairs)


def email(rng: random.Random) -> str:
    name = "".join(rng.choices(string.ascii_lowercase, k=6)) + rng.choice([".", "_", "+", ""]) + str(rng.randint(1, 99))
    return f"{name}@{rng.choice(['exemple.fr', 'mail.test', 'boite.example.org'])}"


def iban(rng: random.Random) -> str:
    """A French IBAN with right check digits (ISO 7064 mod 97-10)."""
    bban = "".join(rng.choices(string.digits, k=21)) + f"{rng.randint(1, 97):02d}"
    number = int("".join(str(int(c, 36)) for c in bban + "FR00"))
    compact = f"FR{98 - number % 97:02d}{bban}"
    if rng.random() < 0.5:
        return compact
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def code(rng: random.Random) -> str:
    chars = rng.choices(string.ascii_uppercase + string.digits, k=rng.choice([6, 8, 12]))
    chars[rng.randrange(len(chars))] = rng.choice(string.digits)
    return "".join(chars)


def birth_date(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1930, 2005)
    return rng.choice(
        [f"{day:02d}/{month:02d}/{year}", f"{day} {MONTHS[month - 1]} {year}", f"{day:02d}.{month:02d}.{year}"]
    )


def personal_samples(count: int, seed: int = 5) -> List[Sample]:
    """`count` messages, each kind in turn, NIRs with every separator and key."""
    rng = random.Random(seed)
    makers = [
        lambda: (lambda n: Sample(f"mon numéro de sécu c'est {n}, c'est sécurisé ?", n))(
            nir(rng, rng.choice(NIR_SEPARATORS))
        ),
        lambda: (lambda n: Sample(f"mon numero de securite sociale {n} ca marche pas", n))(
            nir(rng, rng.choice(NIR_SEPARATORS), key=rng.choice(["wrong", "none"]))
        ),
        lambda: (lambda p: Sample(f"Appelez-moi au {p} s'il vous plaît", p))(phone(rng)),
        lambda: (lambda e: Sample(f"mon mail est {e}, je n'ai rien reçu", e))(email(rng)),
        lambda: (lambda e: Sample(f"mon adresse mail c'est {e} voilà", e))(spelled_email(rng)),
        lambda: (lambda i: Sample(f"Voici mon RIB {i} pour le remboursement", i))(iban(rng)),
        lambda: (lambda c: Sample(f"mon code c'est {c} mais ça ne marche pas", c))(code(rng)),
        lambda: (lambda c: Sample(f"mon code provisoire est {c}", c))(code(rng)),
        lambda: (lambda s: Sample(f"le numéro de série de ma carte Vitale est {s}", s))(
            "".join(rng.choices(string.digits, k=rng.choice([9, 12, 15])))
        ),
        lambda: (lambda d: Sample(f"je suis né le {d}, puis-je refuser ?", d))(birth_date(rng)),
        lambda: (lambda d: Sample(f"Ma date de naissance : {d}", d))(birth_date(rng)),
        lambda: (lambda n: Sample(f"bonjour je m'appelle {n} et je voudrais de l'aide", n))(full_name(rng)),
        lambda: (lambda n: Sample(f"Mon nom est {n}, j'ai reçu une lettre", n))(full_name(rng)),
        lambda: (lambda n: Sample(f"c'est pour {rng.choice(TITLES)} {n}, elle a pas internet", n))(
            rng.choice(LAST_NAMES)
        ),
        lambda: (lambda a: Sample(f"j'habite au {a}, vous pouvez m'envoyer le courrier ?", a))(address(rng)),
        lambda: (lambda h: Sample(h[0].format(h[1]), h[1]))(rng.choice(HEALTH_STATEMENTS)),
    ]
    return [makers[i % len(makers)]() for i in range(count)]


PROFESSIONS = [
    "mon médecin traitant",
    "le pharmacien",
    "l'infirmière",
    "le kiné",
    "mon dentiste",
    "la sage-femme",
    "l'aide à domicile",
    "mon cardiologue",
    "l'assistante sociale",
]
MEDICINES = ["Doliprane", "paracétamol", "Levothyrox", "ibuprofène", "antibiotiques", "Kardegic"]
TOWN_NAMES = ["Nantes", "Lyon", "Marseille", "Lille", "Rennes", "Brest", "Calais", "Paris", "Toulouse"]


def ordinary_messages(count: int, seed: int = 6) -> List[str]:
    """`count` different messages with numbers, dates, towns, titles, professions
    and medicine names that are not personal data."""
    rng = random.Random(seed)
    makers = [
        lambda: f"j'ai reçu le courrier le {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2022, 2026)}",
        lambda: (
            f"le courrier est arrivé le {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2022, 2026)}"
        ),
        lambda: f"il y a {rng.randint(2, 9)} semaines",
        lambda: "je peux appeler le 3422 ?",
        lambda: "on a 6 semaines pour refuser ?",
        lambda: f"est-ce que ça coûte {rng.randint(1, 99)},{rng.randint(10, 99)} € ?",
        lambda: f"il faut payer {rng.randint(2, 500)} euros ?",
        lambda: f"mon fils a {rng.randint(2, 17)} ans, il a un espace ?",
        lambda: f"j'ai {rng.randint(60, 95)} ans et je ne sais pas utiliser internet",
        lambda: f"depuis {rng.randint(2019, 2025)} le DMP a changé ?",
        lambda: f"étape {rng.randint(1, 8)} c'est quoi ?",
        lambda: f"j'habite à {rng.choice(TOWN_NAMES)}, il y a un endroit pour m'aider ?",
        lambda: f"est-ce que {rng.choice(PROFESSIONS)} peut voir mon dossier ?",
        lambda: f"mes ordonnances de {rng.choice(MEDICINES)} seront dans Mon Espace Santé ?",
        lambda: f"{rng.choice(PROFESSIONS)} m'a parlé du {rng.choice(MEDICINES)}, c'est dans l'espace ?",
        lambda: "Madame, est-ce que c'est gratuit ?",
        lambda: f"Bonjour {rng.choice(['Madame', 'Monsieur'])}, comment on crée son espace ?",
        lambda: "je suis dans la rue, je peux le faire sur mon téléphone ?",
        lambda: "on m'a donné un papier dans la rue sur Mon Espace Santé",
        lambda: f"j'ai reçu {rng.randint(2, 5)} lettres, c'est normal ?",
        lambda: f"mon code provisoire ne marche plus depuis {rng.randint(2, 10)} jours",
        lambda: "le numéro de série de la carte Vitale, il est où ?",
        lambda: f"je suis née en {rng.choice(MONTHS)} et j'ai reçu la lettre quand même",
        lambda: f"le {rng.randint(1, 28)} {rng.choice(MONTHS)} c'est trop tard pour refuser ?",
        lambda: f"ma mère a {rng.randint(80, 99)} ans, je peux l'aider ?",
        lambda: f"il y a {rng.randint(2, 30)} personnes qui peuvent voir mes données ?",
        lambda: "mon nom de famille a changé, comment je fais ?",
        lambda: f"je vais à la pharmacie de la rue {rng.choice(['principale', 'du marché'])} demain",
        lambda: "c'est pour ma voisine, elle a pas internet",
        lambda: f"j'ai appelé {rng.randint(2, 6)} fois le 3422",
    ]
    messages: List[str] = []
    for i in range(100 * count):  # each kind in turn, no message twice
        message = makers[i % len(makers)]()
        if message not in messages:
            messages.append(message)
        if len(messages) == count:
            return messages
    raise ValueError(f"fewer than {count} different ordinary messages")
