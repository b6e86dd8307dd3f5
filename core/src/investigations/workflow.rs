//! The investigation workflow: which status may follow which, and who may move it.
//!
//! | from | to | who |
//! |---|---|---|
//! | `opened` | `assigned` | a supervisor of the supervising unit (a lead must be named) |
//! | `assigned`, `reopened` | `in_progress` | the lead (or a supervisor) |
//! | `in_progress` | `under_review` | the lead (or a supervisor): asks for the review |
//! | `under_review` | `in_progress` | a supervisor (sent back, with the reason) |
//! | any open status | `suspended` | a supervisor |
//! | `suspended` | the status it was suspended from | a supervisor (resumed) |
//! | any open status, `suspended` | `closed` | a supervisor, with the outcome |
//! | `closed` | `reopened` | a supervisor |
//!
//! "Open" is every status but `closed` and `suspended`. Every transition carries a reason and
//! is recorded (who, when, from, to, why) in the investigation's timeline and the audit log.
//! A team member who is neither the lead nor a supervisor moves nothing; an administrator,
//! auditor or outsider does not see the investigation at all.

crate::text_enum! {
    /// `opened` (recorded, no lead yet) → `assigned` (a lead named by a supervisor) →
    /// `in_progress` (the lead has taken it up) → `under_review` (the lead asks a supervisor to
    /// review it) → `closed` (with an outcome); `suspended` (on hold, resumed where it was)
    /// and `reopened` (a closed investigation taken up again by a supervisor).
    pub enum InvestigationStatus {
        Opened = "opened",
        Assigned = "assigned",
        InProgress = "in_progress",
        UnderReview = "under_review",
        Closed = "closed",
        Suspended = "suspended",
        Reopened = "reopened",
    }
}

crate::text_enum! {
    /// How a closed investigation ended.
    pub enum Outcome {
        Prosecution = "prosecution",
        AdministrativePenalty = "administrative_penalty",
        NoOffence = "no_offence",
        Transferred = "transferred",
        Merged = "merged",
    }
}

/// What the caller is to one investigation (the highest applies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// On the team (in person, or through a member unit): reads it, works its tasks and
    /// journal.
    Member,
    /// The lead investigator: also moves it through its work and manages the team and tasks.
    Lead,
    /// A supervisor of the supervising unit: steers it (assigns, reviews, suspends, closes).
    Supervisor,
}

/// Who may make a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Lead,
    Supervisor,
}

use InvestigationStatus as S;

impl InvestigationStatus {
    /// Neither closed nor suspended: work goes on.
    pub fn is_open(self) -> bool {
        !matches!(self, S::Closed | S::Suspended)
    }

    /// A lead must be named in this status.
    pub fn needs_lead(self) -> bool {
        matches!(self, S::Assigned | S::InProgress | S::UnderReview)
    }
}

/// Who may move an investigation from `from` to `to` (`suspended_from`: where a suspended one
/// resumes); `None` when the workflow has no such transition.
pub fn rule(
    from: InvestigationStatus,
    to: InvestigationStatus,
    suspended_from: Option<InvestigationStatus>,
) -> Option<Who> {
    match (from, to) {
        (S::Opened, S::Assigned) => Some(Who::Supervisor),
        (S::Assigned | S::Reopened, S::InProgress) => Some(Who::Lead),
        (S::InProgress, S::UnderReview) => Some(Who::Lead),
        (S::UnderReview, S::InProgress) => Some(Who::Supervisor),
        (f, S::Suspended) if f.is_open() => Some(Who::Supervisor),
        (S::Suspended, t) if Some(t) == suspended_from => Some(Who::Supervisor),
        (f, S::Closed) if f != S::Closed => Some(Who::Supervisor),
        (S::Closed, S::Reopened) => Some(Who::Supervisor),
        _ => None,
    }
}

/// Whether `standing` may make a transition reserved to `who`: a supervisor of the unit may
/// also take the lead's steps (an absent lead does not block the investigation); a lead is not
/// a supervisor.
pub fn may(standing: Standing, who: Who) -> bool {
    match who {
        Who::Supervisor => standing == Standing::Supervisor,
        Who::Lead => standing >= Standing::Lead,
    }
}

/// The statuses reachable from `from` for `standing`: what the browser app offers as buttons.
pub fn next(
    from: InvestigationStatus,
    suspended_from: Option<InvestigationStatus>,
    standing: Standing,
) -> Vec<InvestigationStatus> {
    S::ALL
        .iter()
        .copied()
        .filter(|to| rule(from, *to, suspended_from).is_some_and(|who| may(standing, who)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_wire_names() {
        for s in S::ALL {
            assert_eq!(
                serde_json::to_value(s).ok(),
                Some(serde_json::json!(s.as_str()))
            );
        }
        for o in Outcome::ALL {
            assert_eq!(
                serde_json::to_value(o).ok(),
                Some(serde_json::json!(o.as_str()))
            );
        }
    }

    /// Every from × to × standing: the table above, and nothing else.
    #[test]
    fn the_table_for_every_standing() {
        let expected: &[(S, S, Option<Who>)] = &[
            (S::Opened, S::Assigned, Some(Who::Supervisor)),
            (S::Assigned, S::InProgress, Some(Who::Lead)),
            (S::Reopened, S::InProgress, Some(Who::Lead)),
            (S::InProgress, S::UnderReview, Some(Who::Lead)),
            (S::UnderReview, S::InProgress, Some(Who::Supervisor)),
            (S::Closed, S::Reopened, Some(Who::Supervisor)),
        ];
        for from in S::ALL.iter().copied() {
            for to in S::ALL.iter().copied() {
                let got = rule(
                    from,
                    to,
                    Some(S::InProgress).filter(|_| from == S::Suspended),
                );
                let want = if let Some(e) = expected.iter().find(|e| e.0 == from && e.1 == to) {
                    e.2
                } else if (to == S::Suspended && from.is_open())
                    || (to == S::Closed && from != S::Closed)
                    || (from == S::Suspended && to == S::InProgress)
                {
                    Some(Who::Supervisor)
                } else {
                    None
                };
                assert_eq!(got, want, "{from} → {to}");
                for standing in [Standing::Member, Standing::Lead, Standing::Supervisor] {
                    let allowed = got.is_some_and(|w| may(standing, w));
                    let should = match got {
                        None => false,
                        Some(Who::Lead) => standing != Standing::Member,
                        Some(Who::Supervisor) => standing == Standing::Supervisor,
                    };
                    assert_eq!(allowed, should, "{from} → {to} by {standing:?}");
                }
            }
        }
    }

    #[test]
    fn a_suspended_investigation_resumes_where_it_was() {
        assert_eq!(
            next(S::Suspended, Some(S::UnderReview), Standing::Supervisor),
            vec![S::UnderReview, S::Closed]
        );
        assert!(next(S::Suspended, Some(S::UnderReview), Standing::Lead).is_empty());
        assert_eq!(
            next(S::InProgress, None, Standing::Lead),
            vec![S::UnderReview]
        );
        assert!(next(S::InProgress, None, Standing::Member).is_empty());
    }
}
