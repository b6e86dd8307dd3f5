use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

#[tokio::test]
async fn admins_create_list_search_and_read_users() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let unit = app.root_unit(&admin).await;
    let res = app
        .post("/api/v1/users", &admin, json!({
            "username": "Jose.Garcia", "display_name": "José García", "email": "jose@customs.example",
            "unit_id": unit, "roles": ["officer", "analyst", "officer"], "password": "a-long-enough-password"
        }))
        .await;
    assert_eq!(res.status(), 201);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/api/v1/users/"));
    assert_eq!(res.headers()["etag"], "\"1\"");
    let user: Value = res.json().await.unwrap();
    assert_eq!(user["username"], "jose.garcia");
    assert_eq!(user["roles"], json!(["analyst", "officer"]));
    assert_eq!(user["unit_name"], "Headquarters");
    assert!(user.get("password_hash").is_none());

    // Accent- and case-insensitive search on display name.
    let found: Value = app
        .get("/api/v1/users?q=garcia", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    let by_role: Value = app
        .get("/api/v1/users?role=analyst", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_role["items"][0]["username"], "jose.garcia");
    let got: Value = app
        .get(
            &format!("/api/v1/users/{}", user["id"].as_str().unwrap()),
            &admin,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(got["email"], "jose@customs.example");
    assert_problem(
        app.get(&format!("/api/v1/users/{}", uuid::Uuid::new_v4()), &admin)
            .await,
        404,
        "not_found",
    )
    .await;

    // Disabled users are hidden unless asked for; pagination is stable.
    let id = user["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/users/{id}"),
        &admin,
        1,
        json!({ "disabled": true }),
    )
    .await;
    let list: Value = app.get("/api/v1/users", &admin).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let list: Value = app
        .get("/api/v1/users?include_disabled=true&limit=1", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"][0]["username"], "admin");
    let cursor = list["next_cursor"].as_str().unwrap();
    let next: Value = app
        .get(
            &format!("/api/v1/users?include_disabled=true&limit=1&cursor={cursor}"),
            &admin,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(next["items"][0]["username"], "jose.garcia");
    assert_eq!(next["items"][0]["disabled"], true);
    assert!(next["next_cursor"].is_null());
}

#[tokio::test]
async fn invalid_users_get_field_errors_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let res = app
        .post(
            "/api/v1/users",
            &admin,
            json!({
                "username": "x", "display_name": "", "email": "not-an-email",
                "unit_id": uuid::Uuid::new_v4(), "roles": [], "password": "short"
            }),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in [
        "username",
        "display_name",
        "email",
        "roles",
        "password",
        "unit_id",
    ] {
        assert!(fields.contains(&f), "{f} missing in {fields:?}");
    }
    let res = app.post("/api/v1/users", &admin, json!({ "username": "a", "display_name": "A", "unit_id": uuid::Uuid::new_v4(), "roles": ["emperor"], "password": "x" })).await;
    assert_problem(res, 400, "bad_request").await;
    assert!(
        app.audit_rows("user.create").await.len() == 1,
        "only the bootstrap admin"
    );

    app.create_user(&admin, "dup", &["officer"]).await;
    let unit = app.root_unit(&admin).await;
    let res = app.post("/api/v1/users", &admin, json!({ "username": "DUP", "display_name": "Dup", "unit_id": unit, "roles": ["officer"], "password": "another-long-password" })).await;
    assert_problem(res, 409, "conflict").await;
}

#[tokio::test]
async fn admins_cannot_lock_themselves_out() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let me: Value = app.get("/api/v1/me", &admin).await.json().await.unwrap();
    let path = format!("/api/v1/users/{}", me["id"].as_str().unwrap());
    assert_problem(
        app.patch(&path, &admin, 1, json!({ "disabled": true }))
            .await,
        409,
        "conflict",
    )
    .await;
    // Dropping their own admin role is refused too, as any change to their own roles.
    assert_problem(
        app.patch(&path, &admin, 1, json!({ "roles": ["officer"] }))
            .await,
        403,
        "own_account",
    )
    .await;
}

#[tokio::test]
async fn admin_password_reset_ends_sessions() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (id, pw) = app.create_user(&admin, "pete", &["officer"]).await;
    let token = app.token("pete", &pw).await;
    let res = app
        .post(
            &format!("/api/v1/users/{id}/password"),
            &admin,
            json!({ "new_password": "short" }),
        )
        .await;
    assert_problem(res, 422, "validation_failed").await;
    let res = app
        .post(
            &format!("/api/v1/users/{id}/password"),
            &admin,
            json!({ "new_password": "freshly-reset-password" }),
        )
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(app.get("/api/v1/me", &token).await.status(), 401);
    app.token("pete", "freshly-reset-password").await;
    assert_eq!(app.audit_rows("user.password_reset").await.len(), 1);
}

#[tokio::test]
async fn a_user_patch_is_a_json_merge_patch_and_its_audit_row_shows_old_and_new() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (id, _) = app.create_user(&admin, "rosa", &["officer"]).await;
    let path = format!("/api/v1/users/{id}");
    let res = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&admin)
        .header("If-Match", "\"1\"")
        .header("content-type", "application/merge-patch+json")
        .body(r#"{ "email": "rosa@douane.example", "roles": ["officer", "analyst"] }"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let user: Value = res.json().await.unwrap();
    assert_eq!(user["email"], "rosa@douane.example");
    assert_eq!(user["roles"], json!(["analyst", "officer"]));
    assert_eq!(user["display_name"], "ROSA", "absent fields are left alone");

    let res = app.patch(&path, &admin, 2, json!({ "email": null })).await;
    let user: Value = res.json().await.unwrap();
    assert_eq!(user["email"], Value::Null, "null removes the address");
    assert_eq!(user["roles"], json!(["analyst", "officer"]));

    let body = assert_problem(
        app.patch(
            &path,
            &admin,
            3,
            json!({ "display_name": null, "roles": [] }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["display_name", "roles"]);
    assert_problem(
        app.patch(&path, &admin, 3, json!({ "nickname": "R" }))
            .await,
        400,
        "bad_request",
    )
    .await;
    assert_problem(
        app.patch(&path, &admin, 1, json!({ "disabled": true }))
            .await,
        412,
        "precondition_failed",
    )
    .await;

    let (_, pw) = app.create_user(&admin, "audrey", &["auditor"]).await;
    let auditor = app.token("audrey", &pw).await;
    let page: Value = app
        .get(
            &format!("/api/v1/audit?action=user.update&object_type=user&object_id={id}"),
            &auditor,
        )
        .await
        .json()
        .await
        .unwrap();
    let auditor_view = &page["items"];
    assert_eq!(auditor_view.as_array().unwrap().len(), 2);
    let first = &auditor_view[1]["details"]["changes"];
    assert_eq!(first["roles"]["old"], json!(["officer"]));
    assert_eq!(first["roles"]["new"], json!(["analyst", "officer"]));
    assert_eq!(first["email"]["old"], Value::Null);
    assert!(first.get("display_name").is_none(), "only changed fields");
}

/// Separation of duties: an administrator's own roles and unit, and their own password,
/// are another administrator's to change.
#[tokio::test]
async fn an_administrator_cannot_escalate_or_reset_their_own_account() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let me: Value = app.get("/api/v1/me", &admin).await.json().await.unwrap();
    let path = format!("/api/v1/users/{}", me["id"].as_str().unwrap());
    let version = me["version"].as_i64().unwrap();
    for body in [
        json!({ "roles": ["admin", "auditor"] }),
        json!({ "roles": ["admin", "supervisor", "analyst"] }),
        json!({ "roles": ["officer"] }),
    ] {
        let problem = assert_problem(
            app.patch(&path, &admin, version, body).await,
            403,
            "own_account",
        )
        .await;
        assert!(problem["detail"]
            .as_str()
            .unwrap()
            .contains("another administrator"));
    }
    let south = app
        .post(
            "/api/v1/units",
            &admin,
            json!({ "code": "SOUTH", "name": "South" }),
        )
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .clone();
    assert_problem(
        app.patch(&path, &admin, version, json!({ "unit_id": south }))
            .await,
        403,
        "own_account",
    )
    .await;
    // Their display name and e-mail are theirs to correct; the same roles are no change.
    let res = app
        .patch(
            &path,
            &admin,
            version,
            json!({ "display_name": "Chief admin", "roles": ["admin"] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let problem = assert_problem(
        app.post(
            &format!("{path}/password"),
            &admin,
            json!({ "new_password": "another-long-password" }),
        )
        .await,
        403,
        "own_password",
    )
    .await;
    assert!(problem["detail"].as_str().unwrap().contains("/me/password"));

    // Another administrator may.
    let (other_id, pw) = app.create_user(&admin, "second-admin", &["admin"]).await;
    let other = app.token("second-admin", &pw).await;
    let res = app
        .patch(
            &path,
            &other,
            version + 1,
            json!({ "roles": ["admin", "auditor"] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .post(
            &format!("{path}/password"),
            &other,
            json!({ "new_password": "another-long-password" }),
        )
        .await;
    assert_eq!(res.status(), 204);
    assert!(!other_id.is_empty());
}
