//! Seizure messages (a case's non-nominal summary, sent to the units it may interest),
//! discussions between units, and the notes that give each sample user something new.

use super::discussions::{Circle, Topic, ADMIN_NOTES, AUDITOR_NOTES, TOPICS};
use super::plan::{Draft, Plan, Tpl};
use super::stories::{unit, user};
use super::texts::{self, any, fill, tr, Lang};
use super::topics::{self, SCENARIOS};
use crate::catalog::{Mode, Office, DIRECTORATES, OFFICES};
use crate::random::pick;
use chrono::{DateTime, Datelike, Duration, Utc};
use ncen_core::auth::Role;
use ncen_core::messaging::dto::{ParticipantRef, ThreadTemplate};
use ncen_core::seizures::dto::CaseStatus;
use rand::seq::SliceRandom;
use rand::Rng;
use uuid::Uuid;

/// Countries a trend may be about.
const TREND_COUNTRIES: &[&str] = &["ES", "BE", "NL", "MA", "PA", "TR", "EC"];

impl Plan<'_> {
    /// A seizure message about case `ci`, sent by its office; `false` when it cannot be.
    pub(super) fn seizure(&mut self, ci: usize) -> bool {
        let w = self.w;
        let c = &w.cases[ci];
        let Some(office) = w.office(c.unit) else {
            return false;
        };
        let sender = if c.status == CaseStatus::Validated && self.chance(0.5) {
            w.supervisor(c.unit)
        } else {
            c.officer.or_else(|| w.supervisor(c.unit))
        };
        let Some(sender) = sender.filter(|s| w.sees(*s, c)) else {
            return false;
        };
        let t0 = if c.detected_at > self.start() {
            self.after(c.detected_at, 3 * 60, 3 * 24 * 60)
        } else {
            self.begin(1.0, 40.0)
        };
        if t0 >= self.end - Duration::minutes(30) {
            return false;
        }
        let mut participants: Vec<ParticipantRef> = Vec::new();
        let mut named = vec![
            w.user("ncu.analyst"),
            w.role_at(office.parent, "investigator"),
        ];
        if self.chance(0.4) {
            named.push(w.user("ncu.liaison"));
        }
        for u in named.into_iter().flatten() {
            participants.push(user(w.people[u].who.id));
        }
        if self.chance(0.3) {
            let peers: Vec<Uuid> = w
                .offices_for(office.modes[0])
                .into_iter()
                .filter_map(|o| w.unit(o.code))
                .filter(|u| *u != c.unit)
                .collect();
            if !peers.is_empty() {
                participants.push(unit(*pick(&mut self.rng, &peers)));
            }
        }
        if participants.is_empty() {
            return false;
        }
        let lang = self.lang();
        let seized = texts::goods_of(w, lang, c).0;
        let values = [
            ("ref", c.reference.as_str()),
            ("seized", seized.as_str()),
            ("unit", &w.unit_name(c.unit)),
            ("date", &texts::day(lang, c.detected_at)),
        ];
        let subject: String = fill(&tr(lang, texts::SEIZURE_SUBJECTS), &values)
            .chars()
            .take(300)
            .collect();
        let body = fill(&any(&mut self.rng, lang, texts::SEIZURE_BODIES), &values);
        let handling = self
            .chance(0.2)
            .then(|| any(&mut self.rng, lang, topics::HANDLING));
        let t = self.open(Draft {
            at: t0,
            sender,
            subject,
            participants,
            body,
            urgent: false,
            handling,
            template: Tpl::Ready(Box::new(ThreadTemplate::Seizure { case_id: c.id })),
            due: None,
        });
        self.used.insert(c.id);
        // A question from the national level or another office, answered by the office.
        if self.chance(0.75) {
            let askers: Vec<usize> = self
                .members(t)
                .into_iter()
                .filter(|m| w.people[*m].who.unit_id != c.unit)
                .collect();
            if !askers.is_empty() {
                let who = *pick(&mut self.rng, &askers);
                let i = self.rng.random_range(0..texts::SEIZURE_QUESTIONS.len());
                let at = self.after(t0, 30, 24 * 60);
                if self.reply(t, at, who, tr(lang, texts::SEIZURE_QUESTIONS[i])) && self.chance(0.8)
                {
                    let at = self.after(at, 20, 24 * 60);
                    let answer = texts::SEIZURE_ANSWERS[i % texts::SEIZURE_ANSWERS.len()];
                    self.reply(t, at, sender, tr(lang, answer));
                }
            }
        }
        self.settle(t, None);
        true
    }

    /// `n` discussions, going through the topics in a shuffled order.
    pub(super) fn discussions(&mut self, n: usize) {
        let mut order: Vec<usize> = (0..TOPICS.len()).collect();
        let mut told = 0;
        for k in 0..n * 3 {
            if told >= n {
                break;
            }
            if k % order.len() == 0 {
                order.shuffle(&mut self.rng);
            }
            if self.discussion(&TOPICS[order[k % order.len()]]) {
                told += 1;
            }
        }
    }

    /// A topic's placeholders.
    fn words(
        &mut self,
        lang: Lang,
        t0: DateTime<Utc>,
        sender: usize,
        office: &Office,
        reference: &str,
    ) -> Vec<(&'static str, String)> {
        let w = self.w;
        let week = (t0 + Duration::days(self.rng.random_range(7..15)))
            .iso_week()
            .week();
        let day = texts::day(lang, t0 + Duration::days(self.rng.random_range(2..6)));
        let country = pick(&mut self.rng, TREND_COUNTRIES).to_string();
        vec![
            ("place", tr(lang, topics::at_office(office.code))),
            ("week", week.to_string()),
            ("day", day),
            ("unit", w.unit_name(w.people[sender].who.unit_id)),
            ("ref", reference.to_string()),
            ("country", w.label("countries", &country, lang == Lang::Fr)),
        ]
    }

    /// Someone of an office (the sample users' more often), the office and how it works.
    fn office_person(&mut self) -> Option<(usize, &'static Office, Mode)> {
        let w = self.w;
        let mode = pick(&mut self.rng, SCENARIOS).mode;
        let office = self.office_for(mode)?;
        let home = w.unit(office.code)?;
        let mut people = w.officers(home);
        people.extend(w.supervisor(home));
        if people.is_empty() {
            return None;
        }
        Some((*pick(&mut self.rng, &people), office, mode))
    }

    /// Who takes part in a discussion not about a case: a directorate and its offices, the
    /// national unit and the directorates, or offices that work the same way.
    fn circle(&mut self, circle: Circle) -> Option<(usize, Vec<ParticipantRef>, &'static Office)> {
        let w = self.w;
        match circle {
            Circle::Directorate => {
                let (code, _, _) = *pick(&mut self.rng, DIRECTORATES);
                let role = *pick(&mut self.rng, &["supervisor", "investigator"]);
                let sender = w.role_at(code, role)?;
                let mut offices: Vec<&'static Office> =
                    OFFICES.iter().filter(|o| o.parent == code).collect();
                offices.shuffle(&mut self.rng);
                offices.truncate(3);
                let first = *offices.first()?;
                let to = offices
                    .iter()
                    .filter_map(|o| w.unit(o.code))
                    .map(unit)
                    .collect();
                Some((sender, to, first))
            }
            Circle::National => {
                let who = *pick(&mut self.rng, &["ncu.supervisor", "ncu.analyst"]);
                let sender = w.user(who)?;
                let mut units: Vec<Uuid> =
                    DIRECTORATES.iter().filter_map(|d| w.unit(d.0)).collect();
                units.shuffle(&mut self.rng);
                units.truncate(self.rng.random_range(2..=3));
                let office = pick(&mut self.rng, OFFICES);
                Some((sender, units.into_iter().map(unit).collect(), office))
            }
            Circle::Upwards => {
                let (sender, office, _) = self.office_person()?;
                let mut to = Vec::new();
                if let Some(dr) = w.unit(office.parent) {
                    to.push(unit(dr));
                }
                if let Some(a) = w.user("ncu.analyst") {
                    to.push(user(w.people[a].who.id));
                }
                Some((sender, to, office))
            }
            Circle::Peers | Circle::Case => {
                let (sender, office, mode) = self.office_person()?;
                let mut peers: Vec<&'static Office> = w
                    .offices_for(mode)
                    .into_iter()
                    .filter(|o| o.code != office.code)
                    .collect();
                if peers.is_empty() {
                    peers = OFFICES.iter().filter(|o| o.code != office.code).collect();
                }
                peers.shuffle(&mut self.rng);
                peers.truncate(self.rng.random_range(1..=2));
                let mut to: Vec<ParticipantRef> = peers
                    .iter()
                    .filter_map(|o| w.unit(o.code))
                    .map(unit)
                    .collect();
                if let Some(a) = w.user("ncu.analyst").filter(|_| self.chance(0.3)) {
                    to.push(user(w.people[a].who.id));
                }
                Some((sender, to, office))
            }
        }
    }

    fn discussion(&mut self, topic: &'static Topic) -> bool {
        let w = self.w;
        let lang = self.lang();
        let mut t0 = self.begin(0.5, 40.0);
        let mut case_id = None;
        let mut reference = String::new();
        let (sender, participants, office) = if topic.circle == Circle::Case {
            let pool: Vec<usize> = (0..w.cases.len())
                .filter(|i| {
                    let c = &w.cases[*i];
                    c.status != CaseStatus::Draft
                        && !self.used.contains(&c.id)
                        && w.office(c.unit).is_some()
                })
                .take(60)
                .collect();
            if pool.is_empty() {
                return false;
            }
            let c = &w.cases[*pick(&mut self.rng, &pool)];
            let Some(office) = w.office(c.unit) else {
                return false;
            };
            let askers: Vec<usize> = [
                w.user("ncu.investigator"),
                w.role_at(office.parent, "investigator"),
                w.user("ncu.analyst"),
            ]
            .into_iter()
            .flatten()
            .filter(|u| w.sees(*u, c))
            .collect();
            if askers.is_empty() {
                return false;
            }
            if c.detected_at + Duration::days(1) > t0 {
                t0 = self.after(c.detected_at, 24 * 60, 5 * 24 * 60);
            }
            self.used.insert(c.id);
            case_id = Some(c.id);
            reference = c.reference.clone();
            (*pick(&mut self.rng, &askers), vec![unit(c.unit)], office)
        } else {
            match self.circle(topic.circle) {
                Some(circle) => circle,
                None => return false,
            }
        };
        if participants.is_empty() || t0 >= self.end - Duration::minutes(30) {
            return false;
        }
        let words = self.words(lang, t0, sender, office, &reference);
        let values: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let t = self.open(Draft {
            at: t0,
            sender,
            subject: fill(&tr(lang, topic.subject), &values),
            participants,
            body: fill(&tr(lang, topic.body), &values),
            urgent: false,
            handling: None,
            template: Tpl::Ready(Box::new(ThreadTemplate::General { case_id })),
            due: None,
        });
        self.replies(t, topic, lang, &values);
        self.settle(t, None);
        true
    }

    /// The topic's replies, as many as the story reaches, by the voices it names.
    fn replies(&mut self, t: usize, topic: &Topic, lang: Lang, values: &[(&str, &str)]) {
        let w = self.w;
        let sender = self.sender(t);
        let home = w.people[sender].who.unit_id;
        let others: Vec<usize> = self
            .members(t)
            .into_iter()
            .filter(|m| *m != sender)
            .collect();
        let outside: Vec<usize> = others
            .iter()
            .copied()
            .filter(|m| w.people[*m].who.unit_id != home)
            .collect();
        let pool = if outside.is_empty() { others } else { outside };
        if pool.is_empty() {
            return;
        }
        let a = *pick(&mut self.rng, &pool);
        let rest: Vec<usize> = pool.iter().copied().filter(|m| *m != a).collect();
        let b = if rest.is_empty() {
            a
        } else {
            *pick(&mut self.rng, &rest)
        };
        let n = if self.chance(0.6) {
            topic.replies.len()
        } else {
            self.rng.random_range(0..=topic.replies.len())
        };
        let mut at = self.last(t);
        for (reply, voice) in topic.replies.iter().zip(topic.voices.chars()).take(n) {
            let who = match voice {
                'S' => sender,
                'B' => b,
                _ => a,
            };
            at = self.after(at, 15, 20 * 60);
            if !self.reply(t, at, who, fill(&tr(lang, *reply), values)) {
                break;
            }
        }
    }

    /// A recent thread (the `nth` for them) for `target` alone, left unread: an account request for the
    /// administrator, the audit review for the auditor, a discussion for anyone else.
    pub(super) fn note_for(&mut self, target: usize, nth: usize) {
        let w = self.w;
        let person = &w.people[target];
        let lang = self.lang();
        let (topic, senders): (&Topic, Vec<usize>) = if person.has(Role::Admin) {
            let supervisors = OFFICES
                .iter()
                .filter_map(|o| w.role_at(o.code, "supervisor"))
                .collect();
            (&ADMIN_NOTES[nth % ADMIN_NOTES.len()], supervisors)
        } else if person.has(Role::Auditor) {
            let seniors = ["ncu.supervisor", "ncu.investigator"];
            let topic = &AUDITOR_NOTES[nth % AUDITOR_NOTES.len()];
            (topic, seniors.iter().filter_map(|u| w.user(u)).collect())
        } else {
            let plain: Vec<&'static Topic> =
                TOPICS.iter().filter(|t| t.circle != Circle::Case).collect();
            let topic = *pick(&mut self.rng, &plain);
            let seniors = (0..w.people.len())
                .filter(|i| {
                    let p = &w.people[*i];
                    p.who.unit_id != person.who.unit_id
                        && (p.has(Role::Supervisor) || p.has(Role::Investigator))
                })
                .collect();
            (topic, seniors)
        };
        let senders: Vec<usize> = senders.into_iter().filter(|s| *s != target).collect();
        if senders.is_empty() {
            return;
        }
        let sender = *pick(&mut self.rng, &senders);
        let t0 = self.begin(0.1, 3.0);
        let office = w
            .office(w.people[sender].who.unit_id)
            .or_else(|| w.office(person.who.unit_id))
            .unwrap_or(&OFFICES[0]);
        let words = self.words(lang, t0, sender, office, "");
        let values: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let t = self.open(Draft {
            at: t0,
            sender,
            subject: fill(&tr(lang, topic.subject), &values),
            participants: vec![user(person.who.id)],
            body: fill(&tr(lang, topic.body), &values),
            urgent: false,
            handling: None,
            template: Tpl::Ready(Box::new(ThreadTemplate::General { case_id: None })),
            due: None,
        });
        self.settle(t, Some(target));
    }
}
