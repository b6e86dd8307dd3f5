//! The shortest chain of links between two nodes: a breadth-first search from both ends at
//! once, a whole ring per statement (`repo::links`), always growing the smaller side, so a
//! chain of four links costs at most four statements and reads the rings of two hops around
//! each end rather than four around one. Bounded: a node's links past `FAN_OUT` are not
//! followed (the answer says the search was incomplete), nor more than `MAX_VISITED` nodes.

use super::repo::{self, Link, NodeRef, Scope};
use crate::error::Result;
use diesel_async::AsyncPgConnection;
use std::collections::HashMap;

/// Links of one node followed at most.
pub const FAN_OUT: i64 = 1_000;
/// Nodes visited at most, both sides together.
pub const MAX_VISITED: usize = 100_000;

/// What the search found.
pub struct Found {
    /// The chain from source to target, with the link before each node but the first.
    pub chain: Option<Vec<(NodeRef, Option<Link>)>>,
    pub explored: usize,
    pub complete: bool,
}

/// One side of the search: how each visited node was reached (none for the side's end).
struct Side {
    reached: HashMap<String, (NodeRef, Option<Link>)>,
    frontier: Vec<NodeRef>,
}

impl Side {
    fn new(end: &NodeRef) -> Side {
        let mut reached = HashMap::new();
        reached.insert(end.id(), (end.clone(), None));
        Side {
            reached,
            frontier: vec![end.clone()],
        }
    }

    /// The nodes from `id` back to this side's end, each with the link that reached it.
    fn back_from(&self, id: &str) -> Vec<(NodeRef, Option<Link>)> {
        let mut out = Vec::new();
        let mut at = id.to_string();
        while let Some((node, link)) = self.reached.get(&at) {
            out.push((node.clone(), link.clone()));
            match link {
                Some(l) => at = l.src.clone(),
                None => break,
            }
            if out.len() > 16 {
                break;
            }
        }
        out
    }
}

pub async fn shortest(
    conn: &mut AsyncPgConnection,
    source: &NodeRef,
    target: &NodeRef,
    max_hops: u8,
    scope: &Scope,
) -> Result<Found> {
    if source == target {
        return Ok(Found {
            chain: Some(vec![(source.clone(), None)]),
            explored: 1,
            complete: true,
        });
    }
    let mut s = Side::new(source);
    let mut t = Side::new(target);
    let mut complete = true;
    let mut hops = 0u8;
    while hops < max_hops {
        let from_source = s.frontier.len() <= t.frontier.len();
        let (near, far) = if from_source {
            (&mut s, &t)
        } else {
            (&mut t, &s)
        };
        if near.frontier.is_empty() {
            break;
        }
        let links = repo::links(conn, &near.frontier, scope, 0, FAN_OUT).await?;
        hops += 1;
        let mut next = Vec::new();
        let mut meet: Option<String> = None;
        for link in links {
            if link.total > FAN_OUT {
                complete = false;
            }
            if near.reached.contains_key(&link.dst) {
                continue;
            }
            let Some(node) = NodeRef::parse(&link.dst) else {
                continue;
            };
            if meet.is_none() && far.reached.contains_key(&link.dst) {
                meet = Some(link.dst.clone());
            }
            near.reached
                .insert(link.dst.clone(), (node.clone(), Some(link)));
            next.push(node);
        }
        near.frontier = next;
        if let Some(m) = meet {
            // source … m (the source side's nodes, reversed) then m … target
            let mut chain: Vec<(NodeRef, Option<Link>)> = s.back_from(&m);
            chain.reverse();
            let to_target = t.back_from(&m);
            // the target side's links point from the target towards m: each node after m
            // is reached by the link that reached the node before it from that side
            let mut prev_link = to_target.first().and_then(|(_, l)| l.clone());
            for (node, link) in to_target.into_iter().skip(1) {
                chain.push((node, prev_link.take()));
                prev_link = link;
            }
            return Ok(Found {
                chain: Some(chain),
                explored: s.reached.len() + t.reached.len(),
                complete,
            });
        }
        if s.reached.len() + t.reached.len() > MAX_VISITED {
            complete = false;
            break;
        }
    }
    Ok(Found {
        chain: None,
        explored: s.reached.len() + t.reached.len(),
        complete,
    })
}
