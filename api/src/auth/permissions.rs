//! Who may do what: one role × permission matrix, and the access rule of every route.
//! The permission-matrix test walks `ROUTES` for every role.

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
}

impl Permission {
    pub const ALL: [Permission; 12] = [
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
        ],
    ),
    (
        Role::Analyst,
        &[
            P::UnitsRead,
            P::CodelistsRead,
            P::SeizuresRead,
            P::RegistersRead,
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
        ],
    ),
    (
        Role::Liaison,
        &[
            P::UnitsRead,
            P::CodelistsRead,
            P::SeizuresRead,
            P::RegistersRead,
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

/// What a route requires of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in, enabled user.
    Authenticated,
    Requires(Permission),
}

pub struct RouteRule {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

const fn rule(method: &'static str, path: &'static str, access: Access) -> RouteRule {
    RouteRule {
        method,
        path,
        access,
    }
}

/// Every route the server registers, with what it requires. A test checks that this set
/// equals the documented (and registered) routes and that each handler enforces its rule.
pub const ROUTES: &[RouteRule] = &[
    rule("GET", "/health/live", Access::Public),
    rule("GET", "/health/ready", Access::Public),
    rule("GET", "/metrics", Access::Public),
    rule("POST", "/api/v1/auth/login", Access::Public),
    rule("POST", "/api/v1/auth/refresh", Access::Public),
    rule("POST", "/api/v1/auth/logout", Access::Public),
    rule("GET", "/api/v1/me", Access::Authenticated),
    rule("POST", "/api/v1/me/password", Access::Authenticated),
    rule("GET", "/api/v1/users", Access::Requires(P::UsersRead)),
    rule("POST", "/api/v1/users", Access::Requires(P::UsersManage)),
    rule("GET", "/api/v1/users/{id}", Access::Requires(P::UsersRead)),
    rule(
        "PATCH",
        "/api/v1/users/{id}",
        Access::Requires(P::UsersManage),
    ),
    rule(
        "POST",
        "/api/v1/users/{id}/password",
        Access::Requires(P::UsersManage),
    ),
    rule("GET", "/api/v1/units", Access::Requires(P::UnitsRead)),
    rule("POST", "/api/v1/units", Access::Requires(P::UnitsManage)),
    rule("GET", "/api/v1/units/{id}", Access::Requires(P::UnitsRead)),
    rule(
        "PATCH",
        "/api/v1/units/{id}",
        Access::Requires(P::UnitsManage),
    ),
    rule(
        "GET",
        "/api/v1/codelists",
        Access::Requires(P::CodelistsRead),
    ),
    rule(
        "GET",
        "/api/v1/codelists/{name}",
        Access::Requires(P::CodelistsRead),
    ),
    rule(
        "POST",
        "/api/v1/codelists/{name}/entries",
        Access::Requires(P::CodelistsManage),
    ),
    rule(
        "PATCH",
        "/api/v1/codelists/{name}/entries/{code}",
        Access::Requires(P::CodelistsManage),
    ),
    rule("GET", "/api/v1/audit", Access::Requires(P::AuditRead)),
    rule(
        "GET",
        "/api/v1/audit/verify",
        Access::Requires(P::AuditRead),
    ),
    rule("GET", "/api/v1/seizures", Access::Requires(P::SeizuresRead)),
    rule(
        "POST",
        "/api/v1/seizures",
        Access::Requires(P::SeizuresWrite),
    ),
    rule(
        "GET",
        "/api/v1/seizures/{id}",
        Access::Requires(P::SeizuresRead),
    ),
    rule(
        "PATCH",
        "/api/v1/seizures/{id}",
        Access::Requires(P::SeizuresWrite),
    ),
    rule(
        "POST",
        "/api/v1/seizures/{id}/submit",
        Access::Requires(P::SeizuresWrite),
    ),
    rule(
        "POST",
        "/api/v1/seizures/{id}/validate",
        Access::Requires(P::SeizuresValidate),
    ),
    rule(
        "POST",
        "/api/v1/seizures/{id}/reopen",
        Access::Requires(P::SeizuresValidate),
    ),
    rule(
        "GET",
        "/api/v1/seizures/{id}/history",
        Access::Requires(P::SeizuresRead),
    ),
    rule("GET", "/api/v1/persons", Access::Requires(P::RegistersRead)),
    rule(
        "POST",
        "/api/v1/persons",
        Access::Requires(P::RegistersWrite),
    ),
    rule(
        "GET",
        "/api/v1/persons/{id}",
        Access::Requires(P::RegistersRead),
    ),
    rule(
        "PATCH",
        "/api/v1/persons/{id}",
        Access::Requires(P::RegistersWrite),
    ),
    rule(
        "GET",
        "/api/v1/companies",
        Access::Requires(P::RegistersRead),
    ),
    rule(
        "POST",
        "/api/v1/companies",
        Access::Requires(P::RegistersWrite),
    ),
    rule(
        "GET",
        "/api/v1/companies/{id}",
        Access::Requires(P::RegistersRead),
    ),
    rule(
        "PATCH",
        "/api/v1/companies/{id}",
        Access::Requires(P::RegistersWrite),
    ),
    rule(
        "GET",
        "/api/v1/conveyances",
        Access::Requires(P::RegistersRead),
    ),
    rule(
        "POST",
        "/api/v1/conveyances",
        Access::Requires(P::RegistersWrite),
    ),
    rule(
        "GET",
        "/api/v1/conveyances/{id}",
        Access::Requires(P::RegistersRead),
    ),
    rule(
        "PATCH",
        "/api/v1/conveyances/{id}",
        Access::Requires(P::RegistersWrite),
    ),
    rule(
        "POST",
        "/api/v1/seizures/{id}/attachments",
        Access::Requires(P::SeizuresWrite),
    ),
    rule(
        "GET",
        "/api/v1/attachments/{id}/content",
        Access::Requires(P::SeizuresRead),
    ),
    rule(
        "GET",
        "/api/v1/attachments/{id}/thumbnail",
        Access::Requires(P::SeizuresRead),
    ),
];
