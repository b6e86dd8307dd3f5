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
}

impl Permission {
    pub const ALL: [Permission; 7] = [
        Permission::UsersRead,
        Permission::UsersManage,
        Permission::UnitsRead,
        Permission::UnitsManage,
        Permission::CodelistsRead,
        Permission::CodelistsManage,
        Permission::AuditRead,
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
        }
    }
}

use Permission as P;

/// The matrix. Anything not listed is denied.
const MATRIX: &[(Role, &[Permission])] = &[
    (Role::Officer, &[P::UnitsRead, P::CodelistsRead]),
    (Role::Investigator, &[P::UnitsRead, P::CodelistsRead]),
    (Role::Analyst, &[P::UnitsRead, P::CodelistsRead]),
    (
        Role::Supervisor,
        &[P::UnitsRead, P::CodelistsRead, P::UsersRead],
    ),
    (Role::Liaison, &[P::UnitsRead, P::CodelistsRead]),
    (
        Role::Auditor,
        &[P::UnitsRead, P::CodelistsRead, P::UsersRead, P::AuditRead],
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
];
