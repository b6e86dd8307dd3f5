//! A partner's side of a delivery, as the inbox tests play it: its key, the packages it signs,
//! and the signed POST to this node's inbox.

use chrono::Utc;
use ed25519_dalek::SigningKey;
use ncen_core::exchange::keys::fingerprint;
use ncen_core::exchange::package::{
    self, AgreementRef, Package, PackageCase, Party, HEADER_KEY, HEADER_SENT_AT, HEADER_SIGNATURE,
};
use ncen_tests::TestApp;
use serde_json::{json, Value};

/// A partner's side of a delivery: its key, and the package it signs.
pub(super) struct Sender {
    pub(super) key: SigningKey,
}

impl Sender {
    pub(super) fn party(&self) -> Party {
        Party {
            country: "FR".into(),
            fingerprint: fingerprint(&self.key.verifying_key()),
        }
    }

    pub(super) fn package(&self, recipient: &str, groups: &[&str]) -> Package {
        let goods: Vec<Value> = groups
            .iter()
            .map(|g| json!({ "commodity_group": g, "quantity": 2.5, "unit": "kg" }))
            .collect();
        Package {
            format: package::FORMAT.into(),
            id: uuid::Uuid::now_v7(),
            sender: self.party(),
            recipient: Party {
                country: "XX".into(),
                fingerprint: recipient.into(),
            },
            agreement: AgreementRef {
                instrument: ncen_core::exchange::dto::Instrument::BilateralCmaa,
                reference: "FR-XX CMAA 2004".into(),
            },
            scope: ncen_core::exchange::dto::Scope::Nominal,
            created_at: Utc::now(),
            cases: vec![PackageCase {
                reference: "FR-2026-000042".into(),
                version: 3,
                document: json!({ "reference": "FR-2026-000042", "version": 3, "goods": goods,
                                  "persons": [{ "role": "courier", "person": { "family_name": "Ivanoff" } }] }),
            }],
            withdrawal: None,
        }
    }
}

/// POSTs `body` to the inbox, signed by `signer` (announcing `announced`'s key) at `sent_at`.
pub(super) async fn deliver(
    app: &TestApp,
    announced: &SigningKey,
    signer: &SigningKey,
    body: &[u8],
    sent_at: &str,
) -> reqwest::Response {
    app.client
        .post(app.url(package::INBOX_PATH))
        .header("content-type", "application/json")
        .header(
            HEADER_KEY,
            hex::encode(announced.verifying_key().as_bytes()),
        )
        .header(HEADER_SENT_AT, sent_at)
        .header(
            HEADER_SIGNATURE,
            package::sign_attempt(signer, sent_at, body),
        )
        .body(body.to_vec())
        .send()
        .await
        .unwrap()
}

pub(super) fn now() -> String {
    Utc::now().to_rfc3339()
}

/// France as a partner of this node (key seed 9, unreachable endpoint) with a nominal agreement
/// for every commodity, played by `Sender`: this node's fingerprint, the sender and the partner.
pub(super) async fn french_partner(app: &TestApp, liaison: &str) -> (String, Sender, Value) {
    let node: Value = app
        .get("/api/v1/exchange/node", liaison)
        .await
        .json()
        .await
        .unwrap();
    let me = node["fingerprint"].as_str().unwrap().to_string();
    let fr = Sender {
        key: SigningKey::from_bytes(&[9u8; 32]),
    };
    let row = super::partner_at(app, liaison, 9, "FR", "http://127.0.0.1:9").await;
    super::agreement(app, liaison, row["id"].as_str().unwrap(), "nominal", &[]).await;
    (me, fr, row)
}
