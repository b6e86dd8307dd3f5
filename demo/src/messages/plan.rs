//! The demo threads as a plan: each thread's creation, replies and reads at the moment they
//! happen in its story, within the weeks before the demo's end. The stories (`stories`)
//! fill it; `messages::play` then runs it through the messaging service in time order.

use super::texts::Lang;
use super::world::World;
use chrono::{DateTime, Duration, Timelike, Utc};
use ncen_core::messaging::dto::{FeedbackOutcome, ParticipantRef, ThreadTemplate};
use rand::rngs::StdRng;
use rand::Rng;
use std::collections::HashSet;
use uuid::Uuid;

/// How far back the messages go, in days before the demo's end.
pub(super) const SPAN_DAYS: i64 = 42;

/// Threads with unread messages each sample user finds when signing in, at least.
const UNREAD_PER_SAMPLE_USER: usize = 2;

/// A thread's template, once the threads it refers to exist.
pub(super) enum Tpl {
    Ready(Box<ThreadTemplate>),
    /// Feedback on the warning planned as thread number `warning`.
    Feedback {
        warning: usize,
        outcome: FeedbackOutcome,
        case_id: Option<Uuid>,
    },
}

/// A thread's opening, as a story writes it.
pub(super) struct Draft {
    pub(super) at: DateTime<Utc>,
    pub(super) sender: usize,
    pub(super) subject: String,
    pub(super) participants: Vec<ParticipantRef>,
    pub(super) body: String,
    pub(super) urgent: bool,
    pub(super) handling: Option<String>,
    pub(super) template: Tpl,
    /// A warning's feedback deadline in the story (set after creation: the API wants it in
    /// the future at the real time of creation).
    pub(super) due: Option<DateTime<Utc>>,
}

pub(super) struct Thread {
    pub(super) subject: String,
    pub(super) participants: Vec<ParticipantRef>,
    pub(super) body: String,
    pub(super) urgent: bool,
    pub(super) handling: Option<String>,
    /// Taken when the thread is created.
    pub(super) template: Option<Tpl>,
    pub(super) sender: usize,
    pub(super) due: Option<DateTime<Utc>>,
    /// Everyone the thread reaches: the sender, named users, members of named units.
    members: Vec<usize>,
    last: DateTime<Utc>,
    last_sender: usize,
    /// Members left with unread messages once the story is told.
    unread: Vec<usize>,
}

pub(super) enum Action {
    Create,
    Post(usize, String),
    Read(usize),
}

pub(super) struct Op {
    pub(super) at: DateTime<Utc>,
    pub(super) thread: usize,
    pub(super) action: Action,
}

pub(super) struct Plan<'w> {
    pub(super) w: &'w World,
    pub(super) rng: StdRng,
    pub(super) end: DateTime<Utc>,
    threads: Vec<Thread>,
    ops: Vec<Op>,
    /// Cases a story already told.
    pub(super) used: HashSet<Uuid>,
    /// The sample users that the README and `ncen demo` list.
    pub(super) featured: Vec<usize>,
}

impl<'w> Plan<'w> {
    pub(super) fn new(w: &'w World, rng: StdRng, end: DateTime<Utc>, featured: Vec<usize>) -> Self {
        Plan {
            w,
            rng,
            end,
            threads: Vec::new(),
            ops: Vec::new(),
            used: HashSet::new(),
            featured,
        }
    }

    /// The threads and the steps in time order.
    pub(super) fn finish(self) -> (Vec<Thread>, Vec<Op>) {
        let mut ops = self.ops;
        ops.sort_by_key(|o| o.at);
        (self.threads, ops)
    }

    pub(super) fn start(&self) -> DateTime<Utc> {
        self.end - Duration::days(SPAN_DAYS)
    }

    /// Most threads are in English; a French-speaking administration writes some in French.
    pub(super) fn lang(&mut self) -> Lang {
        if self.rng.random_bool(0.25) {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// Customs never close, but most messages are written by day: a night-time moment mostly
    /// moves to the next morning.
    fn daytime(&mut self, t: DateTime<Utc>) -> DateTime<Utc> {
        let h = t.hour();
        if (7..21).contains(&h) || self.rng.random_bool(0.15) {
            return t;
        }
        let day = if h >= 21 { t + Duration::days(1) } else { t };
        let morning = day
            .date_naive()
            .and_hms_opt(7, 0, 0)
            .map_or(t, |d| d.and_utc());
        morning + Duration::minutes(self.rng.random_range(0..150))
    }

    /// A moment `min..max` minutes after `t` (log-uniform: most answers come soon).
    pub(super) fn after(&mut self, t: DateTime<Utc>, min: i64, max: i64) -> DateTime<Utc> {
        let lo = (min.max(1) as f64).ln();
        let hi = (max.max(min + 1) as f64).ln();
        let minutes = (lo + self.rng.random::<f64>() * (hi - lo)).exp() as i64;
        let t = t + Duration::minutes(minutes) + Duration::seconds(self.rng.random_range(0..60));
        self.daytime(t)
    }

    /// A story's first moment, `min..max` days before the end, recent ones more often.
    pub(super) fn begin(&mut self, min_days: f64, max_days: f64) -> DateTime<Utc> {
        let u: f64 = self.rng.random::<f64>().powf(1.3);
        let days = min_days + (max_days - min_days) * u;
        let t = self.end - Duration::seconds((days * 86_400.0) as i64);
        let t = self.daytime(t);
        t.min(self.end - Duration::minutes(30))
    }

    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p.clamp(0.0, 1.0))
    }

    /// Opens a thread; returns its number.
    pub(super) fn open(&mut self, d: Draft) -> usize {
        let mut members = vec![d.sender];
        let mut add = |u: usize| {
            if !members.contains(&u) {
                members.push(u);
            }
        };
        for p in &d.participants {
            match p.ids() {
                (Some(user), _) => {
                    if let Some(i) = self.w.people.iter().position(|x| x.who.id == user) {
                        add(i);
                    }
                }
                (None, Some(unit)) => {
                    for m in self.w.members(unit) {
                        add(*m);
                    }
                }
                (None, None) => {}
            }
        }
        if let Tpl::Feedback { warning, .. } = &d.template {
            add(self.threads[*warning].sender);
        }
        let n = self.threads.len();
        self.threads.push(Thread {
            subject: d.subject,
            participants: d.participants,
            body: d.body,
            urgent: d.urgent,
            handling: d.handling,
            template: Some(d.template),
            sender: d.sender,
            due: d.due,
            members,
            last: d.at,
            last_sender: d.sender,
            unread: Vec::new(),
        });
        self.ops.push(Op {
            at: d.at,
            thread: n,
            action: Action::Create,
        });
        n
    }

    pub(super) fn members(&self, t: usize) -> Vec<usize> {
        self.threads[t].members.clone()
    }

    pub(super) fn last(&self, t: usize) -> DateTime<Utc> {
        self.threads[t].last
    }

    pub(super) fn sender(&self, t: usize) -> usize {
        self.threads[t].sender
    }

    /// `user` replies at `at`, if that is after the thread's last message and before the end
    /// (and the user takes part). Returns whether the reply is in the story.
    pub(super) fn reply(&mut self, t: usize, at: DateTime<Utc>, user: usize, body: String) -> bool {
        let th = &mut self.threads[t];
        if at <= th.last || at >= self.end || !th.members.contains(&user) {
            return false;
        }
        th.last = at;
        th.last_sender = user;
        self.ops.push(Op {
            at,
            thread: t,
            action: Action::Post(user, body),
        });
        true
    }

    /// Who read the thread once its story is told: most members, some time after its last
    /// message; the sample users leave most recent threads unread (and `keep` any).
    pub(super) fn settle(&mut self, t: usize, keep: Option<usize>) {
        let (last, last_sender, members) = {
            let th = &self.threads[t];
            (th.last, th.last_sender, th.members.clone())
        };
        let recent = last > self.end - Duration::days(5);
        let mut unread = Vec::new();
        for m in members {
            if m == last_sender {
                continue;
            }
            let p = match (self.featured.contains(&m), recent) {
                (true, true) => 0.2,
                (true, false) => 0.65,
                (false, true) => 0.55,
                (false, false) => 0.9,
            };
            let read = self.chance(p) && Some(m) != keep;
            let at = self.after(last, 5, 36 * 60);
            if read && at < self.end {
                self.ops.push(Op {
                    at,
                    thread: t,
                    action: Action::Read(m),
                });
            } else {
                unread.push(m);
            }
        }
        self.threads[t].unread = unread;
    }

    /// The sample users who would find fewer than two threads with something new, with how
    /// many more each needs.
    pub(super) fn short_of_news(&self) -> Vec<(usize, usize)> {
        self.featured
            .iter()
            .filter_map(|u| {
                let n = self.threads.iter().filter(|t| t.unread.contains(u)).count();
                (n < UNREAD_PER_SAMPLE_USER).then(|| (*u, UNREAD_PER_SAMPLE_USER - n))
            })
            .collect()
    }
}
