"""A file of seizure cases to import (bench/imports.sh): NDJSON, one case per line, in the shape
of POST /api/v1/seizures plus external_id — by default 100 000 cases with 3 goods items each
and 1.5 persons on average (150 000), two route legs, a conveyance on one case in four.

Deterministic (the seed): the same arguments write the same bytes. A person recurs now and
then (one in ten is one met before, carrying the same passport), so the matching engine links
some parties to records an earlier line created.

    python3 bench/imports_gen.py --cases 100000 --out cases.ndjson
    python3 bench/imports_gen.py --min-bytes 1073741824 --out big.ndjson   # at least 1 GiB
"""

import argparse
import json
import random

FAMILY = """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre
Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard Andre Mercier Dupont Lambert Bonnet
Francois Martinez Legrand Garnier Faure Rousseau Blanc Guerin Muller Henry Roussel Nicolas Perrin
Morin Mathieu Clement Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gerard Nguyen
Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noel Meyer Lucas Meunier Jean Perez Marchand
Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez Pierre Renard Arnaud
Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Philippe Leclercq
Lacroix Fabre Dupuis Olivier Rodriguez DaSilva Hubert Louis Charles Guillot Riviere LeGall Guillaume
Adam Rey Moulin Gonzalez Berger Lecomte Menard Fleury Deschamps Carpentier Julien Benoit Paris Maillard
Marchal Aubry Vasseur LeRoux Renault Jacquet Collet Prevost Poirier Charpentier Royer Huet Baron Dupuy
Pons Paul Laine Carre Breton Remy Schneider Perrot Guyot Barre Marty Cousin Benali Okafor Ivanov Kowalski
Rossi Novak Horvat Popescu Yilmaz Haddad Mansour Diallo Traore Kone Mendes Oliveira Santos Pereira""".split()
GIVEN = """Jean Pierre Michel Andre Philippe Rene Louis Alain Jacques Bernard Marcel Daniel Roger Robert
Paul Claude Christian Henri Georges Nicolas Francois Patrick Gerard Christophe Joseph Julien Maurice
Laurent Frederic Eric David Stephane Pascal Sebastien Alexandre Thierry Olivier Thomas Antoine Marie
Nathalie Isabelle Sylvie Catherine Martine Christine Francoise Valerie Sandrine Stephanie Veronique
Sophie Celine Chantal Patricia Anne Brigitte Julie Monique Aurelie Nicole Laurence Annie Emilie Karim
Mohamed Ahmed Ali Youssef Omar Fatima Amina Chidi Ngozi Ivan Olga Piotr Anna Marco Giulia""".split()
COUNTRIES = ["FR", "BE", "NL", "DE", "ES", "IT", "PT", "MA", "DZ", "TN", "SN", "NG", "CO", "BR", "CN", "TR"]
GOODS = [
    ("drugs", "cocaine", "kg"), ("drugs", "cannabis_resin", "kg"), ("drugs", "heroin", "g"),
    ("tobacco", "cigarettes", "sticks"), ("tobacco", "raw_tobacco", "kg"), ("alcohol", None, "l"),
    ("ipr", None, "pcs"), ("wildlife", None, "pcs"), ("weapons", None, "pcs"),
    ("currency", None, "pcs"), ("medicines", None, "tablets"),
]
METHODS = ["xray_nii", "detector_dog", "risk_profiling", "physical_examination", "intelligence"]
CONCEALMENT = ["false_compartment", "in_luggage", "on_body", "mixed_with_cargo", None]
ROLES = ["courier", "suspect", "driver", "passenger"]


def person(rng, known):
    if known and rng.random() < 0.1:
        return rng.choice(known)
    p = {
        "family_name": rng.choice(FAMILY),
        "given_names": rng.choice(GIVEN),
        "date_of_birth": f"{rng.randint(1950, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "nationalities": [rng.choice(COUNTRIES)],
    }
    if rng.random() < 0.6:
        country = p["nationalities"][0]
        p["documents"] = [{"document_type": "passport", "number": f"{rng.randint(10**7, 10**8 - 1)}", "issuing_country": country}]
    if len(known) < 20000:
        known.append(p)
    return p


def case(rng, n, known):
    year = rng.randint(2015, 2025)
    goods = []
    for _ in range(3):
        group, kind, unit = rng.choice(GOODS)
        item = {"commodity_group": group, "quantity": round(rng.uniform(0.5, 500), 1), "unit": unit}
        if kind:
            item["commodity_type"] = kind
        goods.append(item)
    origin, dest = rng.sample(COUNTRIES, 2)
    c = {
        "external_id": f"LEGACY-{n:07d}",
        "kind": "seizure",
        "detected_at": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
        "place": f"Office {rng.randint(1, 400)}",
        "country": "FR",
        "direction": rng.choice(["import", "export", "transit"]),
        "detection_methods": rng.sample(METHODS, rng.randint(1, 2)),
        "narrative": "Migrated from the legacy seizure system; details in the archive file.",
        "goods": goods,
        "route": [
            {"position": 1, "country": origin, "role": "origin"},
            {"position": 2, "country": dest, "role": "destination"},
        ],
        "persons": [{"role": rng.choice(ROLES), "person": person(rng, known)} for _ in range(1 if n % 2 else 2)],
    }
    concealment = rng.choice(CONCEALMENT)
    if concealment:
        c["concealment_method"] = concealment
    if n % 4 == 0:
        c["conveyances"] = [{"role": "carrying", "conveyance": {
            "conveyance_type": "truck", "identifier_kind": "plate", "country": rng.choice(COUNTRIES),
            "identifier": f"{rng.choice('ABCDEFGH')}{rng.choice('JKLMNPRS')}-{rng.randint(100, 999)}-{rng.choice('TUVWXYZ')}{rng.choice('ABCDEF')}",
        }}]
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100000)
    ap.add_argument("--min-bytes", type=int, default=0, help="go on past --cases until the file is this large")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-parties", action="store_true", help="cases without persons or conveyances (to time the rest)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    known = []
    written = 0
    n = 0
    with open(args.out, "w", encoding="utf-8") as f:
        while n < args.cases or written < args.min_bytes:
            n += 1
            c = case(rng, n, known)
            if args.no_parties:
                c.pop("persons", None)
                c.pop("conveyances", None)
            line = json.dumps(c, ensure_ascii=False, separators=(",", ":")) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
    print(f"{n} cases, {written} bytes")


if __name__ == "__main__":
    main()
