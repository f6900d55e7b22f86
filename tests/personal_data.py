"""Generated personal data (valid NIRs, phones, e-mails, IBANs, codes, birth dates)
and ordinary messages with numbers, for the privacy tests."""
import random
import string
from typing import List, NamedTuple

SEPARATORS = ["", " ", ".", "-"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


class Sample(NamedTuple):
    message: str  # what the person types
    secret: str   # what must never be stored or logged


def nir_key(first_13: str) -> str:
    """97 - (number mod 97); Corsica's 2A and 2B count as 19 and 18."""
    number = int(first_13.upper().replace("2A", "19").replace("2B", "18"))
    return f"{97 - number % 97:02d}"


def nir(rng: random.Random, separator: str = " ", department: str = "") -> str:
    parts = [
        rng.choice("12"), f"{rng.randint(0, 99):02d}", f"{rng.randint(1, 12):02d}",
        department or rng.choice([f"{rng.randint(1, 95):02d}", "2A", "2B"]),
        f"{rng.randint(1, 990):03d}", f"{rng.randint(1, 999):03d}",
    ]
    return separator.join(parts + [nir_key("".join(parts))])


def phone(rng: random.Random) -> str:
    digits = [rng.choice("1234569")] + [str(rng.randint(0, 9)) for _ in range(8)]
    pairs = [digits[0]] + ["".join(digits[i:i + 2]) for i in range(1, 9, 2)]
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
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def code(rng: random.Random) -> str:
    chars = rng.choices(string.ascii_uppercase + string.digits, k=rng.choice([6, 8, 12]))
    chars[rng.randrange(len(chars))] = rng.choice(string.digits)
    return "".join(chars)


def birth_date(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1930, 2005)
    return rng.choice([f"{day:02d}/{month:02d}/{year}", f"{day} {MONTHS[month - 1]} {year}",
                       f"{day:02d}.{month:02d}.{year}"])


def personal_samples(count: int, seed: int = 5) -> List[Sample]:
    """`count` messages, each kind in turn, NIRs with every separator."""
    rng = random.Random(seed)
    makers = [
        lambda: (lambda n: Sample(f"mon numéro de sécu c'est {n}, c'est sécurisé ?", n))(
            nir(rng, rng.choice(SEPARATORS))),
        lambda: (lambda p: Sample(f"Appelez-moi au {p} s'il vous plaît", p))(phone(rng)),
        lambda: (lambda e: Sample(f"mon mail est {e}, je n'ai rien reçu", e))(email(rng)),
        lambda: (lambda i: Sample(f"Voici mon RIB {i} pour le remboursement", i))(iban(rng)),
        lambda: (lambda c: Sample(f"mon code c'est {c} mais ça ne marche pas", c))(code(rng)),
        lambda: (lambda c: Sample(f"mon code provisoire est {c}", c))(code(rng)),
        lambda: (lambda s: Sample(f"le numéro de série de ma carte Vitale est {s}", s))(
            "".join(rng.choices(string.digits, k=rng.choice([9, 12, 15])))),
        lambda: (lambda d: Sample(f"je suis né le {d}, puis-je refuser ?", d))(birth_date(rng)),
        lambda: (lambda d: Sample(f"Ma date de naissance : {d}", d))(birth_date(rng)),
    ]
    return [makers[i % len(makers)]() for i in range(count)]


def ordinary_messages(count: int, seed: int = 6) -> List[str]:
    """Messages with numbers that are not personal data: dates, 3422, weeks, prices."""
    rng = random.Random(seed)
    makers = [
        lambda: f"j'ai reçu le courrier le {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2022, 2026)}",
        lambda: f"le courrier est arrivé le {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2022, 2026)}",
        lambda: f"il y a {rng.randint(2, 9)} semaines",
        lambda: "je peux appeler le 3422 ?",
        lambda: "on a 6 semaines pour refuser ?",
        lambda: f"est-ce que ça coûte {rng.randint(1, 99)},{rng.randint(10, 99)} € ?",
        lambda: f"il faut payer {rng.randint(2, 500)} euros ?",
        lambda: f"mon fils a {rng.randint(2, 17)} ans, il a un espace ?",
        lambda: f"j'ai {rng.randint(60, 95)} ans et je ne sais pas utiliser internet",
        lambda: f"depuis {rng.randint(2019, 2025)} le DMP a changé ?",
        lambda: f"étape {rng.randint(1, 8)} c'est quoi ?",
    ]
    return [makers[i % len(makers)]() for i in range(count)]
