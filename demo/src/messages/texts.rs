//! The words of the demo messages, in English and French: dates and quantities, what a
//! warning watches and asks, feedback by outcome, replies, and the pieces `topics` uses.

use super::world::{Case, World};
use chrono::{DateTime, Datelike, Timelike, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    En,
    Fr,
}

/// English and French.
pub(super) type Pair = (&'static str, &'static str);

pub(super) fn tr(lang: Lang, pair: Pair) -> String {
    match lang {
        Lang::En => pair.0,
        Lang::Fr => pair.1,
    }
    .to_string()
}

/// One of `pairs`, in `lang` (every list here is non-empty).
pub(super) fn any(rng: &mut StdRng, lang: Lang, pairs: &[Pair]) -> String {
    pairs.choose(rng).map(|p| tr(lang, *p)).unwrap_or_default()
}

/// Fills `{name}` placeholders.
pub(super) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

pub(super) fn day(lang: Lang, t: DateTime<Utc>) -> String {
    let m = t.month0() as usize % 12;
    match lang {
        Lang::En => format!("{} {}", t.day(), MONTHS_EN[m]),
        Lang::Fr if t.day() == 1 => format!("1er {}", MONTHS_FR[m]),
        Lang::Fr => format!("{} {}", t.day(), MONTHS_FR[m]),
    }
}

pub(super) fn when(lang: Lang, t: DateTime<Utc>) -> String {
    match lang {
        Lang::En => format!("{} at {:02}:{:02}", day(lang, t), t.hour(), t.minute()),
        Lang::Fr => format!("{} à {} h {:02}", day(lang, t), t.hour(), t.minute()),
    }
}

/// A number as people write it: thousands grouped, one decimal below 100.
pub(super) fn number(lang: Lang, x: f64) -> String {
    let (group, point) = match lang {
        Lang::En => (",", "."),
        Lang::Fr => ("\u{202f}", ","),
    };
    if x < 100.0 {
        let s = format!("{x:.1}");
        let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
        return s.replace('.', point);
    }
    let digits = format!("{}", x.round() as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    out
}

/// A label inside a sentence: lower-case first letter, unless it is an acronym.
pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), s.chars().nth(1)) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

fn measure(lang: Lang, code: &str) -> String {
    let pair = match code {
        "kg" => ("kg", "kg"),
        "g" => ("g", "g"),
        "l" => ("litres", "litres"),
        "ml" => ("ml", "ml"),
        "sticks" => ("cigarettes", "cigarettes"),
        "packs" => ("packs", "paquets"),
        "cartons" => ("cartons", "cartouches"),
        "tablets" => ("tablets", "comprimés"),
        "doses" => ("doses", "doses"),
        "m3" => ("m³", "m³"),
        "heads" => ("animals", "animaux"),
        _ => ("pieces", "pièces"),
    };
    tr(lang, pair)
}

/// What a case seized, in words — the whole phrase ("12.4 kg of cocaine", "banknotes (458
/// pieces)") and the goods alone.
pub(super) fn goods_of(w: &World, lang: Lang, c: &Case) -> (String, String) {
    let fr = lang == Lang::Fr;
    let goods = match (&c.commodity, &c.group) {
        (Some(t), _) => lower_first(&w.label("commodity_types", t, fr)),
        (None, Some(g)) => lower_first(&w.label("commodity_groups", g, fr)),
        (None, None) => tr(lang, ("goods", "marchandises")),
    };
    let qty = format!("{} {}", number(lang, c.quantity), measure(lang, &c.measure));
    let of = tr(lang, ("of", "de"));
    let phrase = match c.measure.as_str() {
        "kg" | "g" | "l" | "ml" | "tablets" | "doses" => format!("{qty} {of} {goods}"),
        _ => match c.mass_kg.filter(|m| *m >= 1.0) {
            Some(kg) => format!("{goods} ({qty}, {} kg)", number(lang, kg)),
            None => format!("{goods} ({qty})"),
        },
    };
    (phrase, goods)
}

pub(super) fn concealment_of(w: &World, lang: Lang, c: &Case) -> String {
    match c.concealment.as_deref().filter(|m| *m != "none") {
        Some(m) => lower_first(&w.label("concealment_methods", m, lang == Lang::Fr)),
        None => tr(lang, ("openly carried", "sans dissimulation")),
    }
}

/// Where the intelligence comes from (`{country}`: a partner's country).
pub(super) const SOURCES: &[Pair] = &[
    (
        "Risk analysis of the advance cargo data (ICS2)",
        "L'analyse de risque des données préalables (ICS2)",
    ),
    (
        "Information from the partner customs administration of {country}",
        "Une information de l'administration douanière partenaire ({country})",
    ),
    (
        "Our analysis of recent seizures (same profile, same routing)",
        "Notre analyse des saisies récentes (même profil, même itinéraire)",
    ),
    (
        "A source handled by the investigation service",
        "Une source suivie par le service d'enquêtes",
    ),
];

pub(super) const PNR_SOURCE: Pair = (
    "Screening of the passenger data (PNR)",
    "Le criblage des données passagers (PNR)",
);

/// A warning's body: `{source}`, `{noun}`, `{goods}`, `{place}`, `{eta}`, `{due}`.
pub(super) const WARNING_BODIES: &[Pair] = &[
    (
        "{source} points to the {noun} described in this warning ({goods} suspected). \
         Expected {place} on {eta}.\n\nPlease act as requested and send your feedback by {due}.",
        "{source} signale le {noun} décrit dans cet avertissement (soupçon : {goods}). \
         Arrivée attendue {place} le {eta}.\n\nMerci d'agir comme demandé et de nous faire \
         votre retour avant le {due}.",
    ),
    (
        "*For action.* {source} links the {noun} below to a network under investigation \
         ({goods}). Expected {place} on {eta}.\n\nThe risk indicators are in the warning. \
         Feedback is due by {due}, whatever the outcome.",
        "*Pour action.* {source} relie le {noun} ci-dessous à un réseau sous enquête \
         ({goods}). Attendu {place} le {eta}.\n\nLes indicateurs de risque figurent dans \
         l'avertissement. Retour attendu avant le {due}, quel que soit le résultat.",
    ),
    (
        "Hello,\n\n{source} flags the {noun} in this warning ({goods} suspected), expected \
         {place} on {eta}. Thank you for controlling it and for your feedback by {due}.",
        "Bonjour,\n\n{source} signale le {noun} objet de cet avertissement (soupçon : \
         {goods}), attendu {place} le {eta}. Merci de le contrôler et de nous faire un retour \
         avant le {due}.",
    ),
];

/// The recipient acknowledges a warning (`{day}`: the expected day).
pub(super) const ACKNOWLEDGEMENTS: &[Pair] = &[
    (
        "Received. Control planned on arrival.",
        "Bien reçu, contrôle prévu à l'arrivée.",
    ),
    (
        "Noted — the team on duty on {day} is briefed.",
        "Pris en compte, l'équipe de permanence du {day} est informée.",
    ),
    (
        "Received, thank you. We will scan it and tell you the result.",
        "Reçu, merci. Nous le passerons au scanner et vous tiendrons informés.",
    ),
    (
        "OK for us. Is the dog team needed as well?",
        "OK pour nous. Faut-il prévoir l'équipe cynophile ?",
    ),
];

/// The author adds to a warning (`{eta}`: the new expected time).
pub(super) const UPDATES: &[Pair] = &[
    (
        "Update: the expected arrival has moved to {eta}.",
        "Mise à jour : l'arrivée est décalée au {eta}.",
    ),
    (
        "Additional information: the same profile was seen twice last month, both times \
         without control.",
        "Complément : le même profil a été repéré deux fois le mois dernier, sans contrôle.",
    ),
];

/// The author's answer to the last acknowledgement (the question about the dog team).
pub(super) const DOG_TEAM_ANSWER: Pair = (
    "Yes, the dog team would help. Please keep us informed before any arrest.",
    "Oui, l'équipe cynophile serait utile. Merci de nous prévenir avant toute interpellation.",
);

pub(super) const REMINDERS: &[Pair] = &[
    (
        "Reminder: we have not received your feedback yet. Please let us know the outcome, even \
         if nothing was found.",
        "Relance : nous n'avons pas encore reçu votre retour. Merci de nous indiquer le résultat \
         du contrôle, même négatif.",
    ),
    (
        "Any news on this one? Feedback was due on {due}.",
        "Des nouvelles ? Le retour était attendu pour le {due}.",
    ),
];

/// Feedback, seized: `{date}`, `{place}`, `{seized}`, `{concealment}`, `{ref}`.
pub(super) const SEIZED: &[Pair] = &[
    (
        "Controlled on {date} {place}. *Positive*: {seized} found ({concealment}). \
         Seizure recorded as case {ref}, linked to this feedback. Thank you for the warning.",
        "Contrôle effectué le {date} {place}. *Résultat positif* : {seized} découverts \
         ({concealment}). Saisie enregistrée sous la référence {ref}, liée à ce retour. Merci \
         pour l'information.",
    ),
    (
        "Result of the control on {date}: seizure of {seized} ({concealment}). Case \
         {ref}; the persons involved are in the case file.",
        "Résultat du contrôle du {date} : saisie de {seized} ({concealment}). Dossier \
         {ref} ; les personnes en cause figurent au dossier.",
    ),
];

/// Feedback, nothing found: `{date}`, `{noun}`.
pub(super) const NOTHING_FOUND: &[Pair] = &[
    (
        "Controlled on {date}: X-ray scan and physical examination of the {noun}. Nothing found; \
         the goods match the declaration.",
        "Contrôlé le {date} : passage au scanner et visite physique du {noun}. Rien à signaler ; \
         les marchandises sont conformes à la déclaration.",
    ),
    (
        "Full control on {date} with the dog team, negative. We keep the profile in our \
         targeting.",
        "Contrôle complet le {date} avec l'équipe cynophile, négatif. Nous gardons le profil \
         dans notre ciblage.",
    ),
];

/// Feedback, not arrived: `{noun}`, `{place}`.
pub(super) const NOT_ARRIVED: &[Pair] = &[
    (
        "The {noun} did not arrive {place} on the expected date. According to the carrier it \
         was rerouted; no new date so far.",
        "Le {noun} n'est pas arrivé {place} à la date prévue. Selon le transporteur, il a été \
         dérouté ; pas de nouvelle date pour l'instant.",
    ),
    (
        "Not arrived: the booking was cancelled two days before the expected date.",
        "Non arrivé : la réservation a été annulée deux jours avant la date prévue.",
    ),
];

/// Feedback, not controlled: `{noun}`.
pub(super) const NOT_CONTROLLED: &[Pair] = &[
    (
        "We could not control the {noun}: it was released over the weekend before the warning \
         was read. Sorry — we have changed the duty instructions.",
        "Nous n'avons pas pu contrôler le {noun} : il a été libéré pendant le week-end, avant \
         la lecture de l'avertissement. Désolés, les consignes de permanence ont été modifiées.",
    ),
    (
        "Not controlled: staff shortage on that shift (two officers on sick leave).",
        "Non contrôlé : manque d'effectif sur cette vacation (deux agents en arrêt maladie).",
    ),
];

/// The same outcomes when a traveller or a flight is watched.
pub(super) const TRAVELLER_NOTHING_FOUND: &[Pair] = &[
    (
        "Controlled on {date} at the arrival gate: baggage searched, body scanner negative. \
         Nothing found.",
        "Contrôle le {date} à la passerelle : fouille des bagages, scanner corporel négatif. \
         Rien à signaler.",
    ),
    (
        "Passengers of the profile checked on {date} with the dog team: negative.",
        "Passagers correspondant au profil contrôlés le {date} avec l'équipe cynophile : \
         négatif.",
    ),
];

pub(super) const TRAVELLER_NOT_ARRIVED: &[Pair] = &[(
    "Not arrived: the traveller was not on board (no-show according to the airline).",
    "Non arrivé : le voyageur n'était pas à bord (absent à l'embarquement selon la \
     compagnie).",
)];

pub(super) const TRAVELLER_NOT_CONTROLLED: &[Pair] = &[(
    "Not controlled: the flight landed early during the shift change and the traveller left \
     the terminal before the team reached the gate.",
    "Non contrôlé : le vol s'est posé en avance pendant la relève et le voyageur a quitté \
     l'aérogare avant l'arrivée de l'équipe à la passerelle.",
)];

/// What a feedback says, by outcome (seizures aside) and by what was watched.
pub(super) fn feedback_texts(
    outcome: ncen_core::messaging::dto::FeedbackOutcome,
    traveller: bool,
) -> &'static [Pair] {
    use ncen_core::messaging::dto::FeedbackOutcome::*;
    match (outcome, traveller) {
        (Seized, _) => SEIZED,
        (ControlledNothingFound, false) => NOTHING_FOUND,
        (ControlledNothingFound, true) => TRAVELLER_NOTHING_FOUND,
        (NotArrived, false) => NOT_ARRIVED,
        (NotArrived, true) => TRAVELLER_NOT_ARRIVED,
        (NotControlled, false) => NOT_CONTROLLED,
        (NotControlled, true) => TRAVELLER_NOT_CONTROLLED,
    }
}

/// The warning's author answers a feedback.
pub(super) const THANKS: &[Pair] = &[
    (
        "Thanks for the quick feedback.",
        "Merci pour ce retour rapide.",
    ),
    (
        "Thank you. We keep the profile active for the next shipments.",
        "Merci. Nous maintenons le profil actif pour les prochains envois.",
    ),
    ("Noted, thanks.", "C'est noté, merci."),
];

pub(super) const SEIZED_FOLLOW_UP: &[Pair] = &[
    (
        "Excellent result. We will link it to our investigation file — could you attach the \
         pictures of the concealment to the case?",
        "Excellent résultat. Nous le rattachons à notre dossier d'enquête : pouvez-vous joindre \
         les photos de la dissimulation au dossier ?",
    ),
    (
        "Great work. Were phones seized? The investigation service would like to examine them.",
        "Bravo. Des téléphones ont-ils été saisis ? Le service d'enquêtes souhaite les exploiter.",
    ),
];

pub(super) const SEIZED_ANSWERS: &[Pair] = &[
    (
        "Done, the pictures are in the case.",
        "C'est fait, les photos sont au dossier.",
    ),
    (
        "Yes, two phones, kept under seal at the office. Tell us when you collect them.",
        "Oui, deux téléphones, conservés sous scellés au bureau. Dites-nous quand vous passez \
         les récupérer.",
    ),
];

/// A seizure message's subject and body: `{ref}`, `{seized}`, `{unit}`, `{date}`.
pub(super) const SEIZURE_SUBJECTS: Pair = ("Seizure {ref}: {seized}", "Saisie {ref} : {seized}");

pub(super) const SEIZURE_BODIES: &[Pair] = &[
    (
        "For your information: seizure made by {unit} on {date}. The non-nominal summary of the \
         case goes with this message.",
        "Pour information : saisie réalisée par {unit} le {date}. Le résumé non nominatif du \
         dossier accompagne ce message.",
    ),
    (
        "Seizure of {seized} on {date} ({unit}). Summary attached; the route may \
         interest your targeting.",
        "Saisie de {seized} le {date} ({unit}). Résumé joint ; l'itinéraire peut \
         intéresser votre ciblage.",
    ),
];

pub(super) const SEIZURE_QUESTIONS: &[Pair] = &[
    (
        "Thank you. Same route as two other seizures this month — we are looking at it. Was the \
         consignee already known?",
        "Merci. Même itinéraire que deux autres saisies ce mois-ci, nous regardons. Le \
         destinataire était-il déjà connu ?",
    ),
    (
        "Can we share this summary with our foreign partners through the CEN?",
        "Pouvons-nous partager ce résumé avec nos partenaires étrangers via le CEN ?",
    ),
    (
        "Interesting concealment. Do you have X-ray images for the training folder?",
        "Dissimulation intéressante. Avez-vous des images radioscopiques pour le dossier de \
         formation ?",
    ),
];

pub(super) const SEIZURE_ANSWERS: &[Pair] = &[
    (
        "Not known in our files. The investigation service has the case.",
        "Inconnu de nos fichiers. Le service d'enquêtes est saisi.",
    ),
    (
        "Yes, no objection once the case is validated.",
        "Oui, pas d'objection une fois le dossier validé.",
    ),
    (
        "Yes, they are attached to the case.",
        "Oui, elles sont jointes au dossier.",
    ),
];

/// What is watched, in the sentences above.
pub(super) fn noun(lang: Lang, kind: super::topics::Watch) -> String {
    use super::topics::Watch::*;
    let pair = match kind {
        Container => ("container", "conteneur"),
        Vessel => ("vessel", "navire"),
        Vehicle => ("vehicle", "véhicule"),
        Flight => ("flight", "vol"),
        Passport | Person => ("traveller", "voyageur"),
        Awb => ("air consignment", "lot de fret aérien"),
        Parcel => ("parcel", "colis"),
    };
    tr(lang, pair)
}

/// A warning's subject and watch description by what it watches. Placeholders: `{id}`,
/// `{name}`, `{origin}`, `{country}`, `{flight}`, `{year}`, `{cover}`, `{place}`, `{goods}`.
pub(super) fn wording(watch: super::topics::Watch) -> (Pair, Pair) {
    use super::topics::Watch::*;
    match watch {
        Container => (
            (
                "Warning: container {id} from {origin} — {goods}",
                "Avertissement : conteneur {id} ({origin}) — {goods}",
            ),
            (
                "40-foot container {id}, declared as {cover}, from {origin}",
                "Conteneur 40 pieds {id}, déclaré comme {cover}, provenance : {origin}",
            ),
        ),
        Vessel => (
            (
                "Warning: vessel {name} — {goods}",
                "Avertissement : navire {name} — {goods}",
            ),
            (
                "Container vessel {name} (IMO {id}), next call {place}",
                "Porte-conteneurs {name} (IMO {id}), prochaine escale {place}",
            ),
        ),
        Vehicle => (
            (
                "Warning: vehicle {id} ({country}) — {goods}",
                "Avertissement : véhicule {id} ({country}) — {goods}",
            ),
            (
                "Vehicle registered {id} ({country}): {cover}",
                "Véhicule immatriculé {id} ({country}) : {cover}",
            ),
        ),
        Flight => (
            (
                "Warning: flight {id} from {origin} — {goods}",
                "Avertissement : vol {id} ({origin}) — {goods}",
            ),
            (
                "Flight {id} from {origin}: passengers matching the profile",
                "Vol {id}, provenance : {origin} : passagers correspondant au profil",
            ),
        ),
        Passport => (
            (
                "Warning: traveller on flight {flight} — {goods}",
                "Avertissement : voyageur du vol {flight} — {goods}",
            ),
            (
                "Traveller holding passport {id} ({country}), booked on flight {flight}",
                "Voyageur titulaire du passeport {id} ({country}), réservé sur le vol {flight}",
            ),
        ),
        Person => (
            (
                "Warning: traveller on flight {flight} — {goods}",
                "Avertissement : voyageur du vol {flight} — {goods}",
            ),
            (
                "{name}, born {year} ({country}), booked on flight {flight}",
                "{name}, né(e) en {year} ({country}), réservé(e) sur le vol {flight}",
            ),
        ),
        Awb => (
            (
                "Warning: air waybill {id} — {goods}",
                "Avertissement : LTA {id} — {goods}",
            ),
            (
                "Air waybill {id}: {cover}, shipper in {origin}",
                "LTA {id} : {cover}, expéditeur : {origin}",
            ),
        ),
        Parcel => (
            (
                "Warning: parcel {id} from {origin} — {goods}",
                "Avertissement : colis {id} ({origin}) — {goods}",
            ),
            (
                "Parcel {id}: {cover}, sent from {origin}",
                "Colis {id} : {cover}, provenance : {origin}",
            ),
        ),
    }
}

/// What a case's conveyance was carrying, when a warning about it does not know.
pub(super) fn unknown_cover(watch: super::topics::Watch) -> Pair {
    use super::topics::Watch::*;
    match watch {
        Container => ("general cargo", "marchandises diverses"),
        Vehicle => ("already reported on this route", "déjà signalé sur cet axe"),
        Awb => ("consolidated freight", "fret groupé"),
        _ => ("small parcel", "petit colis"),
    }
}
