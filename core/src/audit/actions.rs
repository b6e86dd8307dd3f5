//! Every action the audit trail records, for the auditor's action picker (each is translated
//! by the browser app). A test (`tests/suite/audit`) fails when an action recorded by the
//! suite's scenarios is missing here.

pub const ALL: &[&str] = &[
    "access.denied",
    "alert.activate",
    "alert.bulk_read",
    "alert.create",
    "alert.expire",
    "alert.list",
    "alert.read",
    "alert.renew",
    "alert.update",
    "alert.withdraw",
    "alert_hit.confirm",
    "alert_hit.dismiss",
    "alert_hit.list",
    "alert_hit.read",
    "analysis.graph_read",
    "analysis.path_read",
    "attachment.download",
    "attachment.thumbnail",
    "attachment.upload",
    "audit.export",
    "audit.read",
    "audit.verify",
    "auth.login",
    "auth.logout",
    "auth.refresh_reuse",
    "cen.download",
    "cen.export",
    "cen.preview",
    "codelist.entry_create",
    "codelist.entry_update",
    "company.check_duplicates",
    "company.create",
    "company.export",
    "company.flag_add",
    "company.flag_remove",
    "company.history",
    "company.merge",
    "company.network_read",
    "company.person_add",
    "company.person_remove",
    "company.profile_read",
    "company.read",
    "company.relation_add",
    "company.relation_remove",
    "company.risk_read",
    "company.search",
    "company.timeline_read",
    "company.typology_add",
    "company.typology_remove",
    "company.unmerge",
    "company.update",
    "conveyance.create",
    "conveyance.export",
    "conveyance.history",
    "conveyance.read",
    "conveyance.search",
    "conveyance.update",
    "demo.generate",
    "duplicate.distinct",
    "duplicate.list",
    "duplicate.read",
    "exchange.agreement_create",
    "exchange.agreement_document",
    "exchange.agreement_document_read",
    "exchange.agreement_update",
    "exchange.delivery",
    "exchange.dismiss",
    "exchange.file_read",
    "exchange.file_received",
    "exchange.files_purged",
    "exchange.import",
    "exchange.inbox_accept",
    "exchange.inbox_awaiting_files",
    "exchange.inbox_read",
    "exchange.inbox_refused",
    "exchange.partner_create",
    "exchange.party_linked",
    "exchange.party_unlinked",
    "exchange.partner_update",
    "exchange.preview",
    "exchange.received_read",
    "exchange.send_approve",
    "exchange.send_decline",
    "exchange.send_request",
    "exchange.withdraw",
    "import.cancel",
    "import.create",
    "import.files_purged",
    "import.finish",
    "import.proposals_read",
    "investigation.create",
    "investigation.journal_add",
    "investigation.link_add",
    "investigation.link_remove",
    "investigation.list",
    "investigation.member_add",
    "investigation.member_remove",
    "investigation.read",
    "investigation.report",
    "investigation.task_create",
    "investigation.task_update",
    "investigation.transition",
    "investigation.update",
    "message.send",
    "message_attachment.download",
    "message_attachment.thumbnail",
    "message_attachment.upload",
    "notification.preferences",
    "notification.read",
    "notification.read_all",
    "person.check_duplicates",
    "person.create",
    "person.export",
    "person.history",
    "person.merge",
    "person.read",
    "person.search",
    "person.unmerge",
    "person.update",
    "register_merge.list",
    "request.replay",
    "saved_search.create",
    "saved_search.delete",
    "saved_search.hit",
    "saved_search.hits_read",
    "saved_search.update",
    "screening.batch",
    "screening.company",
    "screening.person",
    "seizure.create",
    "seizure.export",
    "seizure.history_read",
    "seizure.list",
    "seizure.read",
    "seizure.reopen",
    "seizure.return",
    "seizure.submit",
    "seizure.update",
    "seizure.validate",
    "stats.seizures_export",
    "stats.seizures_read",
    "thread.create",
    "thread.mark_read",
    "thread.purge",
    "thread.read",
    "unit.create",
    "unit.update",
    "user.create",
    "user.password_change",
    "user.password_reset",
    "user.update",
];

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::ALL;
    use std::path::Path;

    /// The literal actions in `Event::new("…")` calls under `dir`.
    fn recorded(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                recorded(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for part in text.split("Event::new(\"").skip(1) {
                    let action = part.split('"').next().unwrap_or_default();
                    let code = |w: &str| {
                        w.starts_with(|c: char| c.is_ascii_lowercase())
                            && w.chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    };
                    if action
                        .split_once('.')
                        .is_some_and(|(k, v)| code(k) && code(v))
                    {
                        out.push(action.to_string());
                    }
                }
            }
        }
    }

    #[test]
    fn every_action_the_code_records_is_listed_and_labelled() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut actions = Vec::new();
        for dir in ["core/src", "api/src", "cli/src", "demo/src"] {
            let dir = root.join(dir);
            if dir.is_dir() {
                recorded(&dir, &mut actions);
            }
        }
        assert!(actions.len() > 50, "{actions:?}");
        let missing: Vec<_> = actions
            .iter()
            .filter(|a| !ALL.contains(&a.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "not in audit::actions::ALL: {missing:?}"
        );
        // the browser app's test translates the same list in every language
        let web = std::fs::read_to_string(root.join("web/src/features/audit/lib/actions.test.ts"))
            .unwrap();
        let unlabelled: Vec<_> = ALL
            .iter()
            .filter(|a| !web.contains(&format!("'{a}'")))
            .collect();
        assert!(
            unlabelled.is_empty(),
            "missing from SERVER_ACTIONS in web/src/features/audit/lib/actions.test.ts: {unlabelled:?}"
        );
    }
}
