//! The discussions between units: subjects, opening messages and replies, in English and
//! French, and the messages that give each sample user something new when signing in.

use super::texts::Pair;

/// Who starts a discussion, and with whom.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Circle {
    /// A directorate with its offices.
    Directorate,
    /// The national unit with the directorates.
    National,
    /// An office with offices that work the same way.
    Peers,
    /// An office with its directorate and the national unit's analyst.
    Upwards,
    /// The national unit or a directorate with the office that recorded a case.
    Case,
}

/// A discussion between units: subject, opening message, replies in order. Placeholders:
/// `{place}`, `{week}`, `{day}`, `{unit}`, `{ref}` (`case`: about a case, which it names).
pub(super) struct Topic {
    pub(super) subject: Pair,
    pub(super) body: Pair,
    pub(super) replies: &'static [Pair],
    /// Who says each reply: `A` another participant, `B` yet another (or `A`), `S` the sender.
    pub(super) voices: &'static str,
    pub(super) circle: Circle,
}

pub(super) const TOPICS: &[Topic] = &[
    Topic {
        subject: (
            "Joint control operation {place}, week {week}",
            "Opération de contrôle conjointe {place}, semaine {week}",
        ),
        body: (
            "We are planning a joint operation {place} in week {week} (customs, border police \
             and the dog teams). Can each office lend two officers for the night shifts? \
             Please tell me who is available by Friday.",
            "Nous préparons une opération conjointe {place} en semaine {week} (douane, police \
             aux frontières, équipes cynophiles). Chaque bureau peut-il mettre deux agents à \
             disposition pour les vacations de nuit ? Merci de m'indiquer vos disponibilités \
             d'ici vendredi.",
        ),
        replies: &[
            (
                "Two officers available from Tuesday to Thursday.",
                "Deux agents disponibles du mardi au jeudi.",
            ),
            (
                "We can bring the mobile scanner for two nights.",
                "Nous pouvons fournir le scanner mobile pour deux nuits.",
            ),
            (
                "Noted. Briefing on Monday at 9:00 by video conference.",
                "C'est noté. Briefing lundi à 9 h en visioconférence.",
            ),
        ],
        voices: "ABS",
        circle: Circle::Directorate,
    },
    Topic {
        subject: (
            "New concealment method: false bottoms in suitcases",
            "Nouvelle méthode de dissimulation : doubles fonds de valises",
        ),
        body: (
            "Three cases this month with cocaine in the rigid shell of new suitcases (same \
             brand, bought at the departure airport). On the X-ray image the shell shows an \
             even layer; the empty suitcase weighs about 1.5 kg too much. Pictures are in the \
             cases.",
            "Trois dossiers ce mois-ci avec de la cocaïne dans la coque rigide de valises \
             neuves (même marque, achetées à l'aéroport de départ). À l'image radioscopique, \
             la coque présente une couche uniforme ; la valise vide pèse environ 1,5 kg de \
             trop. Les photos sont aux dossiers.",
        ),
        replies: &[
            (
                "Same pattern here last week — thanks for sharing.",
                "Même schéma chez nous la semaine dernière, merci pour le partage.",
            ),
            (
                "Could you add the reference images to the training folder?",
                "Pouvez-vous ajouter les images de référence au dossier de formation ?",
            ),
            ("Done.", "C'est fait."),
        ],
        voices: "ABS",
        circle: Circle::Peers,
    },
    Topic {
        subject: (
            "X-ray image interpretation training — registration",
            "Formation à l'interprétation des images radioscopiques — inscriptions",
        ),
        body: (
            "The next two-day session on reading X-ray images (containers and vehicles) takes \
             place {place} in week {week}. Six places per directorate; please send the names \
             by the end of the month.",
            "La prochaine session de deux jours sur la lecture des images radioscopiques \
             (conteneurs et véhicules) aura lieu {place} en semaine {week}. Six places par \
             direction ; merci d'envoyer les noms d'ici la fin du mois.",
        ),
        replies: &[
            (
                "Two officers from our office would like to attend.",
                "Deux agents de notre bureau souhaitent participer.",
            ),
            (
                "Is there a session planned for the night teams?",
                "Une session est-elle prévue pour les équipes de nuit ?",
            ),
            (
                "Yes, a second session next quarter, on night-shift hours.",
                "Oui, une seconde session au prochain trimestre, sur les horaires de nuit.",
            ),
        ],
        voices: "ABS",
        circle: Circle::National,
    },
    Topic {
        subject: (
            "Dog team availability next week",
            "Disponibilité des équipes cynophiles la semaine prochaine",
        ),
        body: (
            "Our drug dog is at the vet until {day}. Could one of your teams cover our \
             controls on Tuesday and Thursday evening?",
            "Notre chien stupéfiants est chez le vétérinaire jusqu'au {day}. L'une de vos \
             équipes pourrait-elle couvrir nos contrôles mardi et jeudi soir ?",
        ),
        replies: &[
            (
                "We can cover Tuesday; Thursday is difficult.",
                "Nous pouvons assurer mardi ; jeudi est compliqué.",
            ),
            ("Thursday is fine for us.", "Jeudi, c'est bon pour nous."),
            (
                "Thank you both, I update the schedule.",
                "Merci à tous les deux, je mets le planning à jour.",
            ),
        ],
        voices: "ABS",
        circle: Circle::Peers,
    },
    Topic {
        subject: (
            "Trend: more seizures via {country}",
            "Tendance : hausse des saisies, itinéraires via {country}",
        ),
        body: (
            "Our analysis of the last six weeks shows a clear rise of shipments routed via \
             {country}, mostly with mixed loads and recently created consignees. Please pay \
             attention to this routing in your targeting; details in the monthly bulletin.",
            "Notre analyse des six dernières semaines montre une nette hausse des envois dont \
             l'itinéraire passe par ce pays ({country}), surtout en groupage et vers des \
             destinataires récemment créés. Merci d'en tenir compte dans votre ciblage ; \
             détails dans le bulletin mensuel.",
        ),
        replies: &[
            (
                "Confirmed on our side: two positive controls on that routing.",
                "Confirmé de notre côté : deux contrôles positifs sur cet itinéraire.",
            ),
            (
                "Could you share the list of consignees concerned?",
                "Pouvez-vous partager la liste des destinataires concernés ?",
            ),
            (
                "Sent through the usual channel.",
                "Envoyée par le canal habituel.",
            ),
        ],
        voices: "ABS",
        circle: Circle::National,
    },
    Topic {
        subject: (
            "Case {ref}: laboratory results",
            "Dossier {ref} : résultats du laboratoire",
        ),
        body: (
            "The laboratory confirmed the nature of the goods in case {ref}; the full report \
             is in the case. Can the narrative be updated with the purity?",
            "Le laboratoire a confirmé la nature des marchandises du dossier {ref} ; le \
             rapport complet est au dossier. Le récit peut-il être complété avec la pureté ?",
        ),
        replies: &[
            (
                "Yes, I will update it tomorrow.",
                "Oui, je le complète demain.",
            ),
            ("Updated.", "C'est mis à jour."),
        ],
        voices: "AA",
        circle: Circle::Case,
    },
    Topic {
        subject: (
            "Case {ref}: investigation follow-up",
            "Dossier {ref} : suites d'enquête",
        ),
        body: (
            "The prosecutor opened an investigation after case {ref}. Please keep the seals \
             and the phones at the office; we will collect them on Thursday.",
            "Le parquet a ouvert une enquête à la suite du dossier {ref}. Merci de conserver \
             les scellés et les téléphones au bureau ; nous passerons les récupérer jeudi.",
        ),
        replies: &[
            (
                "Noted, everything is in the safe.",
                "C'est noté, tout est au coffre.",
            ),
            ("Thursday morning suits us.", "Jeudi matin nous convient."),
        ],
        voices: "AA",
        circle: Circle::Case,
    },
    Topic {
        subject: (
            "Help needed: identification of a protected species",
            "Demande d'aide : identification d'une espèce protégée",
        ),
        body: (
            "We are holding a parcel with dried seahorses and shells. Does anyone have a \
             CITES contact to confirm the species before we record the case?",
            "Nous retenons un colis contenant des hippocampes séchés et des coquillages. \
             Quelqu'un a-t-il un contact CITES pour confirmer l'espèce avant l'enregistrement \
             du dossier ?",
        ),
        replies: &[
            (
                "The national CITES reference officer can help; I forward you the contact.",
                "Le référent CITES national peut vous aider ; je vous transmets le contact.",
            ),
            (
                "Thank you, identification confirmed (Appendix II).",
                "Merci, identification confirmée (annexe II).",
            ),
        ],
        voices: "AS",
        circle: Circle::Peers,
    },
    Topic {
        subject: (
            "Weekly situation report — {unit}",
            "Point de situation hebdomadaire — {unit}",
        ),
        body: (
            "This week: four seizures, two warnings received and answered, one still in \
             progress. The container scanner will be serviced on {day}; the mobile scanner \
             covers the arrivals.",
            "Cette semaine : quatre saisies, deux avertissements reçus et traités, un en \
             cours. Le scanner à conteneurs sera en maintenance le {day} ; le scanner mobile \
             prend le relais.",
        ),
        replies: &[
            (
                "Thanks. Any need for reinforcement next week?",
                "Merci. Besoin de renfort la semaine prochaine ?",
            ),
            ("Not for now, thank you.", "Pas pour l'instant, merci."),
        ],
        voices: "AS",
        circle: Circle::Upwards,
    },
    Topic {
        subject: (
            "Question: how to record a controlled delivery?",
            "Question : comment enregistrer une livraison surveillée ?",
        ),
        body: (
            "When a parcel goes on under controlled delivery, should we record the case now \
             as a draft, or wait for the end of the operation?",
            "Quand un colis poursuit son acheminement en livraison surveillée, faut-il \
             enregistrer le dossier tout de suite en brouillon ou attendre la fin de \
             l'opération ?",
        ),
        replies: &[
            (
                "Record it now as a draft: it stays within your unit until you submit it.",
                "Enregistrez-le maintenant en brouillon : il reste dans votre unité jusqu'à \
                 sa soumission.",
            ),
            ("Clear, thank you.", "C'est clair, merci."),
        ],
        voices: "AS",
        circle: Circle::Upwards,
    },
];

/// Messages that give the administrator and the auditor something new when signing in.
pub(super) const ADMIN_NOTES: &[Topic] = &[
    Topic {
        subject: (
            "Account request: new officer {place}",
            "Demande de création de compte : nouvel agent {place}",
        ),
        body: (
            "A new officer joins our office on Monday. Could you create the account with the \
             officer role? The form follows through the usual channel.",
            "Un nouvel agent rejoint notre bureau lundi. Pourriez-vous créer son compte avec le \
             rôle agent ? Le formulaire suit par le canal habituel.",
        ),
        replies: &[],
        voices: "",
        circle: Circle::Upwards,
    },
    Topic {
        subject: (
            "Code list request: a new concealment method",
            "Liste de codes : ajout d'une méthode de dissimulation",
        ),
        body: (
            "Could you add \"hollowed-out pallet blocks\" to the concealment methods? Three cases \
             this month had to be recorded as \"other\".",
            "Pourriez-vous ajouter « dés de palettes évidés » aux méthodes de dissimulation ? \
             Trois dossiers ce mois-ci ont dû être enregistrés en « autre ».",
        ),
        replies: &[],
        voices: "",
        circle: Circle::Upwards,
    },
];

pub(super) const AUDITOR_NOTES: &[Topic] = &[
    Topic {
        subject: (
            "Quarterly review of register consultations",
            "Revue trimestrielle des consultations des registres",
        ),
        body: (
            "As agreed, the quarterly review of consultations of the person register starts next \
             week. Could you send me the sample of consultations the offices will have to \
             justify?",
            "Comme convenu, la revue trimestrielle des consultations du registre des personnes \
             commence la semaine prochaine. Pouvez-vous m'envoyer l'échantillon de consultations \
             que les bureaux devront justifier ?",
        ),
        replies: &[],
        voices: "",
        circle: Circle::Upwards,
    },
    Topic {
        subject: (
            "Request from the prosecutor: who consulted a case file?",
            "Réquisition du parquet : consultations d'un dossier",
        ),
        body: (
            "The prosecutor's office asks who consulted the file of a seizure made {place} last \
             month. Could you extract the consultations from the audit trail?",
            "Le parquet demande qui a consulté le dossier d'une saisie réalisée {place} le mois \
             dernier. Pouvez-vous extraire les consultations de la piste d'audit ?",
        ),
        replies: &[],
        voices: "",
        circle: Circle::Upwards,
    },
];
