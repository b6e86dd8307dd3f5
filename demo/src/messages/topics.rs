//! What the demo messages talk about: warning scenarios by mode of transport (goods, routes,
//! cover loads, risk indicators, requested action) and the discussions between units.

use super::texts::Pair;
use crate::catalog::Mode;

/// What a warning watches (the API's `WatchType`, with the register kinds the demo uses).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Watch {
    Container,
    Vessel,
    Vehicle,
    Flight,
    Passport,
    Person,
    Awb,
    Parcel,
}

pub(super) struct Scenario {
    pub(super) mode: Mode,
    pub(super) watch: Watch,
    pub(super) goods: Pair,
    pub(super) origins: &'static [&'static str],
    pub(super) transit: &'static [&'static str],
    /// Empty: into France.
    pub(super) export_to: &'static [&'static str],
    pub(super) cover: &'static [Pair],
    pub(super) indicators: &'static [Pair],
}

const SEA_INDICATORS: &[Pair] = &[
    (
        "Consignee registered less than six months ago",
        "Destinataire immatriculé depuis moins de six mois",
    ),
    (
        "Transhipment with no commercial logic",
        "Transbordement sans logique commerciale",
    ),
    (
        "Freight paid in cash by a third party",
        "Fret payé en espèces par un tiers",
    ),
    (
        "Seal number on the bill of lading differs from the manifest",
        "Numéro de scellé du connaissement différent de celui du manifeste",
    ),
    (
        "First import of this commodity by the consignee",
        "Première importation de cette marchandise par le destinataire",
    ),
    (
        "Route identical to recent seizures",
        "Itinéraire identique à des saisies récentes",
    ),
];

const ROAD_INDICATORS: &[Pair] = &[
    (
        "Vehicle rented a week before the trip",
        "Véhicule loué une semaine avant le trajet",
    ),
    (
        "Several crossings a week, always at night",
        "Plusieurs passages par semaine, toujours de nuit",
    ),
    (
        "Load inconsistent with the declared consignee's trade",
        "Chargement sans rapport avec l'activité du destinataire déclaré",
    ),
    (
        "Driver already checked with large amounts of cash",
        "Conducteur déjà contrôlé avec d'importantes sommes en espèces",
    ),
    (
        "Modified fuel tank reported by a partner",
        "Réservoir modifié signalé par un partenaire",
    ),
];

const PASSENGER_INDICATORS: &[Pair] = &[
    (
        "Ticket bought in cash less than 48 hours before departure",
        "Billet payé en espèces moins de 48 heures avant le départ",
    ),
    (
        "Several short return trips in three months",
        "Plusieurs allers-retours de courte durée en trois mois",
    ),
    (
        "Checked baggage only, no hand luggage",
        "Uniquement un bagage en soute, pas de bagage à main",
    ),
    (
        "Travel booked by the same agency as earlier couriers",
        "Voyage réservé par la même agence que des passeurs précédents",
    ),
    (
        "Traveller already reported for ingestion",
        "Voyageur déjà signalé pour ingestion",
    ),
];

const PARCEL_INDICATORS: &[Pair] = &[
    (
        "Declared value inconsistent with the weight",
        "Valeur déclarée sans rapport avec le poids",
    ),
    (
        "Consignee address is a mail-forwarding service",
        "Adresse du destinataire chez un service de domiciliation",
    ),
    (
        "Same sender as earlier positive parcels",
        "Même expéditeur que des colis positifs précédents",
    ),
    (
        "Shipment paid with a prepaid card",
        "Envoi payé par carte prépayée",
    ),
];

pub(super) const SCENARIOS: &[Scenario] = &[
    Scenario {
        mode: Mode::SeaContainer,
        watch: Watch::Container,
        goods: ("cocaine", "cocaïne"),
        origins: &["EC", "CO", "BR", "PA", "DO"],
        transit: &["PA", "MA", "ES"],
        export_to: &[],
        cover: &[
            ("bananas", "bananes"),
            ("frozen shrimps", "crevettes congelées"),
            ("pineapples", "ananas"),
            ("coffee beans", "café vert"),
            ("ceramic tiles", "carrelage"),
        ],
        indicators: SEA_INDICATORS,
    },
    Scenario {
        mode: Mode::SeaContainer,
        watch: Watch::Container,
        goods: ("cigarettes", "cigarettes"),
        origins: &["AE", "VN", "CN"],
        transit: &["MA", "MT"],
        export_to: &[],
        cover: &[
            ("furniture", "meubles"),
            ("PVC flooring", "revêtements de sol en PVC"),
            ("paper towels", "essuie-tout"),
        ],
        indicators: SEA_INDICATORS,
    },
    Scenario {
        mode: Mode::SeaContainer,
        watch: Watch::Container,
        goods: ("counterfeit goods", "contrefaçons"),
        origins: &["CN", "TR", "HK"],
        transit: &[],
        export_to: &[],
        cover: &[
            ("toys", "jouets"),
            ("sports shoes", "chaussures de sport"),
            ("car spare parts", "pièces détachées automobiles"),
        ],
        indicators: SEA_INDICATORS,
    },
    Scenario {
        mode: Mode::SeaContainer,
        watch: Watch::Container,
        goods: ("hazardous waste", "déchets dangereux"),
        origins: &["FR"],
        transit: &[],
        export_to: &["GH", "NG", "CI"],
        cover: &[
            ("used car parts", "pièces automobiles d'occasion"),
            (
                "second-hand household appliances",
                "électroménager d'occasion",
            ),
        ],
        indicators: &[
            (
                "Exporter unknown, no waste shipment notification",
                "Exportateur inconnu, aucune notification de transfert de déchets",
            ),
            (
                "Declared as second-hand goods without test certificates",
                "Déclaré comme biens d'occasion sans certificat de fonctionnement",
            ),
        ],
    },
    Scenario {
        mode: Mode::SeaContainer,
        watch: Watch::Vessel,
        goods: ("cocaine", "cocaïne"),
        origins: &["BR", "EC"],
        transit: &["ES"],
        export_to: &[],
        cover: &[("", "")],
        indicators: &[
            (
                "Vessel called at Santos and Guayaquil",
                "Navire en escale à Santos et Guayaquil",
            ),
            (
                "Crew change planned on arrival",
                "Relève d'équipage prévue à l'arrivée",
            ),
            (
                "Divers reported near the hull at the previous port",
                "Plongeurs signalés près de la coque au port précédent",
            ),
        ],
    },
    Scenario {
        mode: Mode::SeaRoRo,
        watch: Watch::Vehicle,
        goods: ("cannabis resin", "résine de cannabis"),
        origins: &["MA"],
        transit: &["ES"],
        export_to: &[],
        cover: &[
            (
                "refrigerated semi-trailer with fresh vegetables",
                "semi-remorque frigorifique chargée de légumes frais",
            ),
            (
                "van with household goods",
                "fourgon chargé d'effets personnels",
            ),
        ],
        indicators: ROAD_INDICATORS,
    },
    Scenario {
        mode: Mode::Road,
        watch: Watch::Vehicle,
        goods: ("cannabis resin", "résine de cannabis"),
        origins: &["MA", "ES"],
        transit: &["ES"],
        export_to: &[],
        cover: &[
            (
                "refrigerated semi-trailer with tomatoes",
                "semi-remorque frigorifique chargée de tomates",
            ),
            ("car with two passengers", "voiture avec deux passagers"),
        ],
        indicators: ROAD_INDICATORS,
    },
    Scenario {
        mode: Mode::Road,
        watch: Watch::Vehicle,
        goods: ("cigarettes", "cigarettes"),
        origins: &["PL", "LT", "RO"],
        transit: &["DE", "BE"],
        export_to: &[],
        cover: &[
            ("van declared empty", "fourgon déclaré à vide"),
            (
                "semi-trailer with insulation panels",
                "semi-remorque de panneaux isolants",
            ),
        ],
        indicators: ROAD_INDICATORS,
    },
    Scenario {
        mode: Mode::Road,
        watch: Watch::Vehicle,
        goods: ("synthetic drugs", "drogues de synthèse"),
        origins: &["NL", "BE"],
        transit: &["BE"],
        export_to: &[],
        cover: &[(
            "car with a hidden compartment suspected",
            "voiture avec cache aménagée présumée",
        )],
        indicators: ROAD_INDICATORS,
    },
    Scenario {
        mode: Mode::Rail,
        watch: Watch::Vehicle,
        goods: ("cigarettes", "cigarettes"),
        origins: &["BE", "PL"],
        transit: &[],
        export_to: &["GB"],
        cover: &[(
            "heavy goods vehicle on the freight shuttle",
            "poids lourd sur la navette fret",
        )],
        indicators: ROAD_INDICATORS,
    },
    Scenario {
        mode: Mode::AirPassenger,
        watch: Watch::Passport,
        goods: ("cocaine", "cocaïne"),
        origins: &["GF", "BR", "CO", "PE"],
        transit: &["PT", "ES"],
        export_to: &[],
        cover: &[("", "")],
        indicators: PASSENGER_INDICATORS,
    },
    Scenario {
        mode: Mode::AirPassenger,
        watch: Watch::Flight,
        goods: ("cocaine", "cocaïne"),
        origins: &["GF", "DO", "BR"],
        transit: &[],
        export_to: &[],
        cover: &[("", "")],
        indicators: PASSENGER_INDICATORS,
    },
    Scenario {
        mode: Mode::AirPassenger,
        watch: Watch::Passport,
        goods: ("undeclared cash", "argent liquide non déclaré"),
        origins: &["FR"],
        transit: &[],
        export_to: &["DZ", "TR", "AE", "MA"],
        cover: &[("", "")],
        indicators: &[
            (
                "Repeated trips with large amounts declared on return",
                "Voyages répétés avec d'importantes sommes déclarées au retour",
            ),
            (
                "Travels with several phones",
                "Voyage avec plusieurs téléphones",
            ),
        ],
    },
    Scenario {
        mode: Mode::AirPassenger,
        watch: Watch::Flight,
        goods: (
            "bushmeat and protected species",
            "viande de brousse et espèces protégées",
        ),
        origins: &["CM", "CI", "CD"],
        transit: &[],
        export_to: &[],
        cover: &[("", "")],
        indicators: PASSENGER_INDICATORS,
    },
    Scenario {
        mode: Mode::AirCargo,
        watch: Watch::Awb,
        goods: ("khat", "khat"),
        origins: &["KE", "ET"],
        transit: &[],
        export_to: &[],
        cover: &[
            ("fresh vegetables", "légumes frais"),
            ("cut flowers", "fleurs coupées"),
        ],
        indicators: PARCEL_INDICATORS,
    },
    Scenario {
        mode: Mode::AirCargo,
        watch: Watch::Awb,
        goods: ("falsified medicines", "médicaments falsifiés"),
        origins: &["IN", "CN"],
        transit: &["AE"],
        export_to: &[],
        cover: &[
            ("food supplements", "compléments alimentaires"),
            ("cosmetics", "cosmétiques"),
        ],
        indicators: PARCEL_INDICATORS,
    },
    Scenario {
        mode: Mode::Express,
        watch: Watch::Parcel,
        goods: ("MDMA tablets", "comprimés de MDMA"),
        origins: &["FR"],
        transit: &[],
        export_to: &["AU", "NZ", "JP"],
        cover: &[
            ("scented candles", "bougies parfumées"),
            ("cosmetics", "cosmétiques"),
        ],
        indicators: PARCEL_INDICATORS,
    },
    Scenario {
        mode: Mode::Express,
        watch: Watch::Parcel,
        goods: ("drug precursors", "précurseurs de drogues"),
        origins: &["CN", "IN"],
        transit: &[],
        export_to: &[],
        cover: &[("industrial chemicals", "produits chimiques industriels")],
        indicators: PARCEL_INDICATORS,
    },
    Scenario {
        mode: Mode::Postal,
        watch: Watch::Parcel,
        goods: ("cannabis herb", "herbe de cannabis"),
        origins: &["US", "CA", "TH", "ES"],
        transit: &[],
        export_to: &[],
        cover: &[
            ("gifts", "cadeaux"),
            ("vacuum-packed clothing", "vêtements sous vide"),
        ],
        indicators: PARCEL_INDICATORS,
    },
];

/// What a warning asks the recipient to do.
pub(super) fn actions(watch: Watch) -> &'static [Pair] {
    match watch {
        Watch::Container => &[
            (
                "Scan the container (X-ray) on unloading; physical examination if the image shows \
                 anomalies. Do not alert the consignee and record the seal numbers.",
                "Passage au scanner au débarquement ; visite physique si l'image présente des \
                 anomalies. Ne pas alerter le destinataire et relever les numéros de scellés.",
            ),
            (
                "Hold the container for a full unloading at the inspection area, with the dog \
                 team if available.",
                "Bloquer le conteneur pour un dépotage complet sur l'aire de visite, avec \
                 l'équipe cynophile si possible.",
            ),
        ],
        Watch::Vessel => &[(
            "Rummage the vessel on arrival (sea chest, crew cabins, engine room) and watch the \
             containers unloaded at night.",
            "Fouille du navire à l'arrivée (caisson de prise d'eau, cabines, salle des machines) et \
             surveillance des conteneurs débarqués de nuit.",
        )],
        Watch::Vehicle => &[
            (
                "Control the vehicle on arrival: scan of the trailer, search of the cab and of the \
                 fuel tanks.",
                "Contrôler le véhicule à l'arrivée : scanner de la remorque, visite de la cabine et \
                 des réservoirs.",
            ),
            (
                "Discreet control only; no arrest without our agreement (controlled delivery \
                 possible).",
                "Contrôle discret uniquement ; pas d'interpellation sans notre accord (livraison \
                 surveillée envisagée).",
            ),
        ],
        Watch::Flight | Watch::Passport | Watch::Person => &[
            (
                "Target the passengers of this flight at the arrival gate: checked baggage and \
                 body scanner for the profiles matching the indicators.",
                "Cibler les passagers de ce vol à la passerelle : bagages en soute et scanner \
                 corporel pour les profils correspondant aux indicateurs.",
            ),
            (
                "Control the traveller and their baggage on arrival; medical examination if \
                 ingestion is suspected. Inform us before any hearing.",
                "Contrôler le voyageur et ses bagages à l'arrivée ; examen médical en cas de \
                 suspicion d'ingestion. Nous informer avant toute audition.",
            ),
        ],
        Watch::Awb | Watch::Parcel => &[
            (
                "Hold the consignment on arrival and examine it with the dog team.",
                "Retenir l'envoi à l'arrivée et le faire examiner par l'équipe cynophile.",
            ),
            (
                "Intercept the item at sorting and open it in the presence of two officers; call us \
                 before any seizure (controlled delivery possible).",
                "Intercepter l'envoi au tri et l'ouvrir en présence de deux agents ; nous appeler \
                 avant toute saisie (livraison surveillée possible).",
            ),
        ],
    }
}

/// What a warning asks about a traveller leaving France.
pub(super) const DEPARTURE_ACTION: Pair = (
    "Control the traveller and their baggage at departure, before boarding; check the cash \
     declaration.",
    "Contrôler le voyageur et ses bagages au départ, avant l'embarquement ; vérifier la \
     déclaration d'argent liquide.",
);

/// Handling markers of some warnings.
pub(super) const HANDLING: &[Pair] = &[
    ("No onward sharing", "Pas de diffusion ultérieure"),
    ("Customs only", "Diffusion restreinte douane"),
];

/// Where an office is, with its preposition ("at Le Havre", "au Havre").
pub(super) fn at_office(code: &str) -> Pair {
    match code {
        "CDG-PAX" => ("at Paris-CDG", "à Roissy-CDG"),
        "CDG-FRET" => ("at the CDG cargo zone", "en zone fret de Roissy-CDG"),
        "ORY" => ("at Orly", "à Orly"),
        "ROISSY-EXPRESS" => (
            "at the Roissy express hub",
            "à la plateforme express de Roissy",
        ),
        "ROISSY-POST" => (
            "at the Roissy mail centre",
            "au centre de tri postal de Roissy",
        ),
        "LEH-PORT" => ("at Le Havre", "au Havre"),
        "DKK-PORT" => ("at Dunkirk", "à Dunkerque"),
        "CQF-PORT" => ("at Calais", "à Calais"),
        "CQF-TUNNEL" => ("at Coquelles", "à Coquelles"),
        "LIL-ROAD" => ("at Rekkem", "à Rekkem"),
        "MRS-PORT" => ("at Marseille-Fos", "à Marseille-Fos"),
        "NCE-AIR" => ("at Nice airport", "à l'aéroport de Nice"),
        "PGF-ROAD" => ("at Le Perthus", "au Perthus"),
        "SXB-ROAD" => ("at the Europe Bridge", "au pont de l'Europe"),
        "MLH-AIR" => ("at Basel-Mulhouse", "à Bâle-Mulhouse"),
        "HEN-ROAD" => ("at Biriatou", "à Biriatou"),
        "TLS-AIR" => ("at Toulouse-Blagnac", "à Toulouse-Blagnac"),
        "BOD-PORT" => ("at Bordeaux", "à Bordeaux"),
        _ => ("at the office", "au bureau"),
    }
}
