//! The stories of the CENcomm warnings: who warns whom about what, the replies, and the
//! feedback — a seizure (linked to the demo case that matches the warning), nothing found,
//! not arrived, not controlled — or none yet: pending, or overdue.

use super::plan::{Draft, Plan, Tpl};
use super::targets::{watchable, Target};
use super::texts::{self, any, fill, tr, Lang};
use super::topics::{self, Scenario, Watch, SCENARIOS};
use super::world::Case;
use crate::catalog::{Mode, Office, OFFICES};
use crate::random::{pick, weighted};
use chrono::Duration;
use ncen_core::messaging::dto::{
    FeedbackOutcome, ParticipantRef, ThreadTemplate, UnitRef, UserRef,
};
use rand::seq::SliceRandom;
use rand::Rng;
use uuid::Uuid;

#[derive(Clone, Copy)]
enum Fate {
    /// Answered by a seizure: the case (index in `World::cases`) it led to.
    Seized(usize),
    Answered(FeedbackOutcome),
    /// No feedback yet, not due yet.
    Pending,
    /// No feedback, past its deadline.
    Overdue,
}

pub(super) fn user(id: Uuid) -> ParticipantRef {
    ParticipantRef::User(UserRef { user_id: id })
}

pub(super) fn unit(id: Uuid) -> ParticipantRef {
    ParticipantRef::Unit(UnitRef { unit_id: id })
}

impl Plan<'_> {
    /// Every story, scaled on the number of cases: about 75 threads for 600 cases, 300 at
    /// most.
    pub(super) fn tell(&mut self, cases: usize) {
        let w = self.w;
        let stories = (cases / 10).clamp(24, 230);
        let share = |p: usize| stories * p / 100;
        let (start, end) = (self.start(), self.end);
        let mut recent: Vec<usize> = (0..w.cases.len())
            .filter(|i| {
                let c = &w.cases[*i];
                c.detected_at > start + Duration::days(3)
                    && c.detected_at < end - Duration::hours(3)
                    && w.office(c.unit).is_some()
                    && watchable(c).is_some()
            })
            .collect();
        recent.shuffle(&mut self.rng);
        let seized = recent.len().min(share(12));
        let mut answered = share(32).saturating_sub(seized);
        for ci in recent.into_iter().take(seized) {
            if !self.warning(Fate::Seized(ci), None) {
                answered += 1;
            }
        }
        for i in 0..answered {
            let outcome = match i % 4 {
                0 | 1 => FeedbackOutcome::ControlledNothingFound,
                2 => FeedbackOutcome::NotArrived,
                _ => FeedbackOutcome::NotControlled,
            };
            self.warning(Fate::Answered(outcome), None);
        }
        // The sample users' offices each get an answered warning and a recent one.
        for office in self.featured_offices() {
            self.warning(
                Fate::Answered(FeedbackOutcome::ControlledNothingFound),
                Some(office),
            );
            self.warning(Fate::Pending, Some(office));
        }
        for _ in 0..share(5).max(1) {
            self.warning(Fate::Pending, None);
        }
        for _ in 0..share(5).max(2) {
            self.warning(Fate::Overdue, None);
        }
        // Seizure messages: submitted and validated cases first, the most recent first.
        let mut order: Vec<usize> = (0..w.cases.len())
            .filter(|i| !self.used.contains(&w.cases[*i].id))
            .collect();
        order.sort_by_key(|i| {
            (
                w.cases[*i].status == ncen_core::seizures::dto::CaseStatus::Draft,
                *i,
            )
        });
        let mut told = 0;
        for ci in order {
            if told >= share(20) {
                break;
            }
            if self.seizure(ci) {
                told += 1;
            }
        }
        self.discussions(share(28).max(4));
        for (user, missing) in self.short_of_news() {
            for nth in 0..missing {
                self.note_for(user, nth);
            }
        }
    }

    /// The offices where sample users work.
    fn featured_offices(&self) -> Vec<&'static Office> {
        OFFICES
            .iter()
            .filter(|o| self.w.unit(o.code).is_some_and(|u| self.featured_unit(u)))
            .collect()
    }

    /// Whether a sample user works in this unit (their offices get more of the warnings).
    fn featured_unit(&self, unit: Uuid) -> bool {
        self.featured
            .iter()
            .any(|u| self.w.people[*u].who.unit_id == unit)
    }

    /// An office of `mode`, the sample users' offices more often.
    pub(super) fn office_for(&mut self, mode: Mode) -> Option<&'static Office> {
        let w = self.w;
        let offices: Vec<(&'static Office, u32)> = w
            .offices_for(mode)
            .into_iter()
            .map(|o| {
                let featured = w.unit(o.code).is_some_and(|u| self.featured_unit(u));
                (o, if featured { 3 } else { 1 })
            })
            .collect();
        if offices.is_empty() {
            return None;
        }
        Some(*weighted(&mut self.rng, &offices))
    }

    /// Who warns an office: the national unit, its directorate, or another office's officer.
    fn author(&mut self, office: &'static Office) -> Option<usize> {
        let w = self.w;
        let roll: f64 = self.rng.random();
        let mut candidates: Vec<usize> = if roll < 0.45 {
            ["ncu.analyst", "ncu.investigator", "ncu.liaison"]
                .iter()
                .filter_map(|u| w.user(u))
                .collect()
        } else if roll < 0.8 {
            ["investigator", "analyst"]
                .iter()
                .filter_map(|r| w.role_at(office.parent, r))
                .collect()
        } else {
            OFFICES
                .iter()
                .filter(|o| {
                    o.code != office.code && o.modes.iter().any(|m| office.modes.contains(m))
                })
                .filter_map(|o| w.unit(o.code))
                .flat_map(|u| w.officers(u))
                .collect()
        };
        if candidates.is_empty() {
            candidates = ["ncu.analyst", "ncu.investigator"]
                .iter()
                .filter_map(|u| w.user(u))
                .collect();
        }
        (!candidates.is_empty()).then(|| *pick(&mut self.rng, &candidates))
    }

    /// A warning and what came of it; `false` when the story cannot be told.
    fn warning(&mut self, fate: Fate, to: Option<&'static Office>) -> bool {
        let w = self.w;
        let lang = self.lang();
        let (office, target, case): (&'static Office, Target, Option<&Case>) = match fate {
            Fate::Seized(ci) => {
                let c = &w.cases[ci];
                let Some(office) = w.office(c.unit) else {
                    return false;
                };
                let Some(target) = self.case_target(lang, c, office) else {
                    return false;
                };
                (office, target, Some(c))
            }
            _ => {
                // A scenario for the office, or an office for the scenario.
                let (s, office) = match to {
                    Some(office) => {
                        let fits: Vec<&'static Scenario> = SCENARIOS
                            .iter()
                            .filter(|s| office.modes.contains(&s.mode))
                            .collect();
                        if fits.is_empty() {
                            return false;
                        }
                        (*pick(&mut self.rng, &fits), office)
                    }
                    None => {
                        let s = pick(&mut self.rng, SCENARIOS);
                        match self.office_for(s.mode) {
                            Some(office) => (s, office),
                            None => return false,
                        }
                    }
                };
                (office, self.scenario_target(lang, s, office), None)
            }
        };
        let (Some(to), Some(author)) = (w.unit(office.code), self.author(office)) else {
            return false;
        };
        let short = matches!(
            target.watch,
            Watch::Flight | Watch::Passport | Watch::Person
        );
        let (t0, eta) = match (fate, case) {
            (Fate::Seized(_), Some(c)) => {
                let eta = c.detected_at - Duration::minutes(self.rng.random_range(0..240));
                let lead = Duration::minutes(self.rng.random_range(18 * 60..5 * 24 * 60));
                ((eta - lead).max(self.start()), eta)
            }
            (Fate::Pending, _) => {
                let t0 = self.begin(0.2, 4.0);
                (t0, self.after(t0, 20 * 60, 4 * 24 * 60))
            }
            (Fate::Overdue, _) => {
                let t0 = self.begin(8.0, 22.0);
                (t0, self.after(t0, 20 * 60, 3 * 24 * 60))
            }
            _ => {
                let t0 = self.begin(3.0, 40.0);
                let eta = if short {
                    self.after(t0, 8 * 60, 3 * 24 * 60)
                } else {
                    self.after(t0, 24 * 60, 5 * 24 * 60)
                };
                (t0, eta)
            }
        };
        if t0 >= eta || t0 >= self.end {
            return false;
        }
        let mut due = eta + Duration::hours(self.rng.random_range(48..100));
        match fate {
            Fate::Pending => due = due.max(self.end + Duration::days(2)),
            Fate::Overdue => {
                due = due
                    .min(self.end - Duration::hours(30))
                    .max(eta + Duration::hours(6))
            }
            _ => {}
        }
        // Who receives it: the office, sometimes a second one, its directorate, the NCU.
        let mut participants = vec![unit(to)];
        if self.chance(0.15) {
            let others: Vec<Uuid> = w
                .offices_for(office.modes[0])
                .into_iter()
                .filter_map(|o| w.unit(o.code))
                .filter(|u| *u != to && *u != w.people[author].who.unit_id)
                .collect();
            if !others.is_empty() {
                participants.push(unit(*pick(&mut self.rng, &others)));
            }
        }
        if let Some(dr) = w.unit(office.parent) {
            if dr != w.people[author].who.unit_id && self.chance(0.3) {
                participants.push(unit(dr));
            }
        }
        let ncu_author =
            w.unit_code(w.people[author].who.unit_id) == crate::catalog::NATIONAL_UNIT.0;
        if let Some(analyst) = w.user("ncu.analyst") {
            if !ncu_author && self.chance(0.3) {
                participants.push(user(w.people[analyst].who.id));
            }
        }
        let urgent = (eta - t0 < Duration::hours(36) && self.chance(0.7)) || self.chance(0.08);
        let handling = self
            .chance(0.3)
            .then(|| any(&mut self.rng, lang, topics::HANDLING));
        let partner = pick(&mut self.rng, &["ES", "NL", "BE", "PT", "IT", "DE", "MA"]).to_string();
        let mut source = any(&mut self.rng, lang, texts::SOURCES);
        if short && self.chance(0.5) {
            source = tr(lang, texts::PNR_SOURCE);
        }
        let source = fill(
            &source,
            &[("country", &w.label("countries", &partner, lang == Lang::Fr))],
        );
        let body = fill(
            &any(&mut self.rng, lang, texts::WARNING_BODIES),
            &[
                ("source", &source),
                ("noun", &texts::noun(lang, target.watch)),
                ("goods", &target.goods),
                ("place", &tr(lang, topics::at_office(office.code))),
                ("eta", &texts::when(lang, eta)),
                ("due", &texts::day(lang, due)),
            ],
        );
        let risk_indicators = self.indicators(lang, target.indicators);
        let outbound = target.outbound && short;
        let action_requested = if outbound {
            tr(lang, topics::DEPARTURE_ACTION)
        } else {
            any(&mut self.rng, lang, topics::actions(target.watch))
        };
        let warning = self.open(Draft {
            at: t0,
            sender: author,
            subject: target.subject.clone(),
            participants,
            body,
            urgent,
            handling,
            template: Tpl::Ready(Box::new(ThreadTemplate::Warning {
                case_id: None,
                watch: target.watch_target(),
                route: target.route(),
                expected_arrival: Some(eta),
                risk_indicators,
                action_requested,
                feedback_due: due,
            })),
            due: Some(due),
        });
        if let Some(c) = case {
            self.used.insert(c.id);
        }
        // The office acknowledges; the author adds something.
        let mut crew = w.officers(to);
        crew.extend(w.supervisor(to));
        let mut last = t0;
        let mut asked_for_dogs = false;
        if !crew.is_empty() && self.chance(0.55) {
            let who = *pick(&mut self.rng, &crew);
            let at = self.after(t0, 20, 8 * 60);
            let i = self.rng.random_range(0..texts::ACKNOWLEDGEMENTS.len());
            let text = fill(
                &tr(lang, texts::ACKNOWLEDGEMENTS[i]),
                &[("day", &texts::day(lang, eta))],
            );
            if self.reply(warning, at, who, text) {
                last = at;
                asked_for_dogs = i + 1 == texts::ACKNOWLEDGEMENTS.len();
            }
        }
        if asked_for_dogs || self.chance(0.25) {
            let at = self.after(last, 30, 12 * 60);
            let later = self.after(eta, 60, 20 * 60);
            let text = if asked_for_dogs {
                tr(lang, texts::DOG_TEAM_ANSWER)
            } else {
                fill(
                    &any(&mut self.rng, lang, texts::UPDATES),
                    &[("eta", &texts::when(lang, later))],
                )
            };
            self.reply(warning, at, author, text);
        }
        let outcome = match fate {
            Fate::Seized(_) => Some(FeedbackOutcome::Seized),
            Fate::Answered(o) => Some(o),
            Fate::Pending | Fate::Overdue => None,
        };
        let mut answered = false;
        if let Some(outcome) = outcome {
            let mut at = match case {
                Some(c) => self.after(c.detected_at, 120, 30 * 60),
                None => self.after(eta, 60, 30 * 60),
            };
            if case.is_none() && self.chance(0.12) {
                at = self.after(due, 12 * 60, 3 * 24 * 60);
            }
            if at > t0 && at < self.end - Duration::minutes(10) {
                answered = self.feedback(warning, to, office, outcome, case, &target, lang, at);
            }
        }
        if !answered && due < self.end && self.chance(0.75) {
            let at = self.after(due, 12 * 60, 72 * 60);
            let text = fill(
                &any(&mut self.rng, lang, texts::REMINDERS),
                &[("due", &texts::day(lang, due))],
            );
            self.reply(warning, at, author, text);
        }
        self.settle(warning, None);
        true
    }

    /// The office's feedback on a warning, and the author's answer.
    #[allow(clippy::too_many_arguments)]
    fn feedback(
        &mut self,
        warning: usize,
        to: Uuid,
        office: &'static Office,
        outcome: FeedbackOutcome,
        case: Option<&Case>,
        target: &Target,
        lang: Lang,
        at: chrono::DateTime<chrono::Utc>,
    ) -> bool {
        let w = self.w;
        let members = self.members(warning);
        let sender = match case {
            Some(c) => c
                .officer
                .filter(|o| members.contains(o) && w.sees(*o, c))
                .or_else(|| w.supervisor(to).filter(|s| w.sees(*s, c))),
            None => {
                let officers = w.officers(to);
                if officers.is_empty() || self.chance(0.2) {
                    w.supervisor(to)
                } else {
                    Some(*pick(&mut self.rng, &officers))
                }
            }
        };
        let Some(sender) = sender.filter(|s| members.contains(s)) else {
            return false;
        };
        let author = self.sender(warning);
        let mut participants = vec![user(w.people[author].who.id)];
        if let Some(s) = w.supervisor(to) {
            if s != sender && self.chance(0.3) {
                participants.push(user(w.people[s].who.id));
            }
        }
        let place = tr(lang, topics::at_office(office.code));
        let noun = texts::noun(lang, target.watch);
        let traveller = matches!(
            target.watch,
            Watch::Flight | Watch::Passport | Watch::Person
        );
        let pool = texts::feedback_texts(outcome, traveller);
        let text = any(&mut self.rng, lang, pool);
        let body = match (outcome, case) {
            (FeedbackOutcome::Seized, Some(c)) => fill(
                &text,
                &[
                    ("date", &texts::day(lang, c.detected_at)),
                    ("place", &place),
                    ("seized", &texts::goods_of(w, lang, c).0),
                    ("concealment", &texts::concealment_of(w, lang, c)),
                    ("ref", &c.reference),
                ],
            ),
            (FeedbackOutcome::Seized, None) => return false,
            _ => fill(
                &text,
                &[
                    ("date", &texts::day(lang, at)),
                    ("noun", &noun),
                    ("place", &place),
                ],
            ),
        };
        let subject: String = format!(
            "{}{}",
            tr(lang, ("Feedback: ", "Retour : ")),
            target.subject
        )
        .chars()
        .take(300)
        .collect();
        let fb = self.open(Draft {
            at,
            sender,
            subject,
            participants,
            body,
            urgent: false,
            handling: None,
            template: Tpl::Feedback {
                warning,
                outcome,
                case_id: case.map(|c| c.id),
            },
            due: None,
        });
        let seized = outcome == FeedbackOutcome::Seized;
        if self.chance(0.75) {
            let at = self.after(self.last(fb), 20, 20 * 60);
            let asked = seized && self.chance(0.6);
            // Questions and answers go in pairs.
            let i = self.rng.random_range(0..texts::SEIZED_FOLLOW_UP.len());
            let text = if asked {
                tr(lang, texts::SEIZED_FOLLOW_UP[i])
            } else {
                any(&mut self.rng, lang, texts::THANKS)
            };
            if self.reply(fb, at, author, text) && asked && self.chance(0.8) {
                let at = self.after(at, 30, 24 * 60);
                let answer = texts::SEIZED_ANSWERS[i % texts::SEIZED_ANSWERS.len()];
                self.reply(fb, at, sender, tr(lang, answer));
            }
        }
        self.settle(fb, None);
        true
    }
}
