//! Who may do what: one role × permission matrix. Each route declares which permission it
//! requires beside its handler (`ncen-api`); the permission-matrix test walks every route for
//! every role.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Officer,
    Investigator,
    Analyst,
    Supervisor,
    Liaison,
    Auditor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Officer,
        Role::Investigator,
        Role::Analyst,
        Role::Supervisor,
        Role::Liaison,
        Role::Auditor,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Investigator => "investigator",
            Role::Analyst => "analyst",
            Role::Supervisor => "supervisor",
            Role::Liaison => "liaison",
            Role::Auditor => "auditor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    UsersRead,
    UsersManage,
    UnitsRead,
    UnitsManage,
    CodelistsRead,
    CodelistsManage,
    AuditRead,
    /// Read seizure cases and their history.
    SeizuresRead,
    /// Record cases, edit the drafts of one's own unit, submit them.
    SeizuresWrite,
    /// Validate and reopen the cases of one's own unit.
    SeizuresValidate,
    /// Read and search the person, company and conveyance registers.
    RegistersRead,
    /// Create and correct register records.
    RegistersWrite,
    /// Write the alerts of one's own unit, read them and review their hits.
    AlertsWrite,
    /// Activate and renew the alerts of one's own unit (a supervisor; not one's own).
    AlertsActivate,
    /// Review the duplicates queue, merge register records and undo merges.
    RegistersMerge,
    /// Open an investigation (supervised by one's own unit).
    InvestigationsOpen,
    /// Work on the investigations one is on the team of, leads or supervises (checked per
    /// object: anyone else gets 404).
    InvestigationsWork,
    /// Assess companies: record fraud typologies against them and set risk flags.
    CompaniesAssess,
    /// Run the Icomm exchange: partners and their keys, agreements (legal bases), previews of
    /// what would leave, the CEN export.
    ExchangeManage,
    /// Ask for validated cases to be sent to a partner (a liaison officer's request is sent at
    /// once; anyone else's waits for a liaison officer's approval), and follow one's requests.
    ExchangeRequest,
    /// Run bulk imports of cases and register records (and see their unit's imports' reports).
    ImportsRun,
}

impl Permission {
    pub const ALL: [Permission; 21] = [
        Permission::UsersRead,
        Permission::UsersManage,
        Permission::UnitsRead,
        Permission::UnitsManage,
        Permission::CodelistsRead,
        Permission::CodelistsManage,
        Permission::AuditRead,
        Permission::SeizuresRead,
        Permission::SeizuresWrite,
        Permission::SeizuresValidate,
        Permission::RegistersRead,
        Permission::RegistersWrite,
        Permission::AlertsWrite,
        Permission::AlertsActivate,
        Permission::RegistersMerge,
        Permission::InvestigationsOpen,
        Permission::InvestigationsWork,
        Permission::CompaniesAssess,
        Permission::ExchangeManage,
        Permission::ExchangeRequest,
        Permission::ImportsRun,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Permission::UsersRead => "users.read",
            Permission::UsersManage => "users.manage",
            Permission::UnitsRead => "units.read",
            Permission::UnitsManage => "units.manage",
            Permission::CodelistsRead => "codelists.read",
            Permission::CodelistsManage => "codelists.manage",
            Permission::AuditRead => "audit.read",
            Permission::SeizuresRead => "seizures.read",
            Permission::SeizuresWrite => "seizures.write",
            Permission::SeizuresValidate => "seizures.validate",
            Permission::RegistersRead => "registers.read",
            Permission::RegistersWrite => "registers.write",
            Permission::AlertsWrite => "alerts.write",
            Permission::AlertsActivate => "alerts.activate",
            Permission::RegistersMerge => "registers.merge",
            Permission::InvestigationsOpen => "investigations.open",
            Permission::InvestigationsWork => "investigations.work",
            Permission::CompaniesAssess => "companies.assess",
            Permission::ExchangeManage => "exchange.manage",
            Permission::ExchangeRequest => "exchange.request",
            Permission::ImportsRun => "imports.run",
        }
    }
}

use Permission as P;

/// The matrix. Anything not listed is denied.
///
/// Case data: officers record and edit (their unit's drafts, checked per object);
/// supervisors also validate and reopen (their unit's cases); investigators, analysts and
/// liaison officers read (liaison sends cases abroad). Auditors read cases and registers
/// too, because checking that a logged consultation of personal data was lawful requires
/// seeing what was consulted — and their own reads are audited like anyone's. Admins see no
/// case or register data by their role alone.
///
/// Companies: investigators, analysts and supervisors assess them (fraud typologies, risk
/// flags); who may correct a register record may link its people and related companies.
///
/// Alerts: officers, investigators, analysts and supervisors write their unit's alerts and
/// review their hits (an alert exists only for its unit); supervisors activate and renew them
/// (not their own).
///
/// Duplicates: supervisors review the queue of likely duplicate records, merge records and
/// undo merges.
///
/// Exchange: liaison officers register partners and agreements, preview and send cases, and
/// run the CEN export.
///
/// Imports: supervisors run bulk imports of cases and register records (a file writes many
/// records at once, past the per-record correction rules, so it takes a supervisor's
/// standing); each sees the imports of their own unit.
///
/// Investigations: investigators and supervisors open them; officers, investigators, analysts
/// and supervisors work on those whose team they are on (need-to-know, per object). Auditors
/// see investigations through the audit trail only; liaison officers and administrators not
/// at all.
const MATRIX: &[(Role, &[Permission])] = &[
    (
        Role::Officer,
        &[
            P::UnitsRead,
            P::CodelistsRead,
            P::SeizuresRead,
            P::SeizuresWrite,
            P::RegistersRead,
            P::RegistersWrite,
            P::AlertsWrite,
            P::InvestigationsWork,
        ],
    ),
    (
        Role::Investigator,
        &[
            P::UnitsRead,
            P::CodelistsRead,
            P::SeizuresRead,
            P::RegistersRead,
            P::RegistersWrite,
            P::AlertsWrite,
            P::InvestigationsOpen,
            P::InvestigationsWork,
            P::CompaniesAssess,
            P::ExchangeRequest,
        ],
    ),
    (
        Role::Analyst,
        &[
            P::UnitsRead,
            P::CodelistsRead,
            P::SeizuresRead,
            P::RegistersRead,
            P::AlertsWrite,
            P::InvestigationsWork,
            P::CompaniesAssess,
        ],
    ),
    (
        Role::Supervisor,
        &[
            P::UnitsRead,
            P::CodelistsRead,
            P::UsersRead,
            P::SeizuresRead,
            P::SeizuresWrite,
            P::SeizuresValidate,
            P::RegistersRead,
            P::RegistersWrite,
            P::AlertsWrite,
            P::AlertsActivate,
            P::RegistersMerge,
            P::InvestigationsOpen,
            P::InvestigationsWork,
            P::CompaniesAssess,
            P::ImportsRun,
        ],
    ),
    (
        Role::Liaison,
        &[
            P::UnitsRead,
            P::CodelistsRead,
            P::SeizuresRead,
            P::RegistersRead,
            P::ExchangeManage,
            P::ExchangeRequest,
        ],
    ),
    (
        Role::Auditor,
        &[
            P::UnitsRead,
            P::CodelistsRead,
            P::UsersRead,
            P::AuditRead,
            P::SeizuresRead,
            P::RegistersRead,
        ],
    ),
    (
        Role::Admin,
        &[
            P::UnitsRead,
            P::UnitsManage,
            P::CodelistsRead,
            P::CodelistsManage,
            P::UsersRead,
            P::UsersManage,
        ],
    ),
];

pub fn role_allows(role: Role, permission: Permission) -> bool {
    MATRIX
        .iter()
        .any(|(r, perms)| *r == role && perms.contains(&permission))
}

pub fn roles_allow(roles: &[Role], permission: Permission) -> bool {
    roles.iter().any(|r| role_allows(*r, permission))
}

/// The roles that grant `permission` (for checks made in SQL).
pub fn roles_granting(permission: Permission) -> Vec<&'static str> {
    Role::ALL
        .into_iter()
        .filter(|r| role_allows(*r, permission))
        .map(Role::as_str)
        .collect()
}
