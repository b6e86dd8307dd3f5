#!/usr/bin/env python3
"""Import seizure cases into nCEN from an NDJSON file, with the generated Python client.

    pip install ./clients/python          # the client, generated from openapi.yaml
    export NCEN_URL=https://ncen.example NCEN_USERNAME=importer NCEN_PASSWORD=...
    python examples/import_cases.py cases.ndjson [--source-system legacy] [--valid-rows]

The file holds one case per line: the JSON body of `POST /api/v1/seizures` (kind,
detected_at, goods, route, persons, companies, conveyances...) plus `external_id`, the case's
id in the system it comes from:

    {"external_id": "LEG-1", "kind": "seizure", "detected_at": "2025-10-01T08:30:00Z",
     "goods": [{"commodity_group": "drugs", "commodity_type": "cocaine", "quantity": 2500, "unit": "g"}],
     "persons": [{"role": "courier", "person": {"family_name": "Ivanoff", "given_names": "Ivan"}}]}

What it does, as the API intends an import to be run:
  1. signs in (username and password for a bearer token; the user needs the `imports.run`
     permission, which supervisors hold);
  2. uploads the file as a dry run: every line is checked, nothing is written;
  3. follows the job until it ends and prints its counts and the problems of the lines it
     refused (line, field, stable code, message);
  4. if no line was refused (or, with --valid-rows, whatever was refused), commits the dry
     run: the same file is imported for real, as a new job, followed the same way; then
     prints the final counts and the proposals (parties created beside a register record
     they may be: to compare, and merge in the registers if they are one).

Importing the same file again changes nothing (every case `unchanged`): a case is known by
its source system and external id, and an edited line updates its case while it is a draft.

Exit codes (those of `ncen import`):
  0  done, every line accepted
  3  done, some lines rejected (and, without --valid-rows, nothing committed)
  4  the import failed (its `failure` is printed)
  5  the import was cancelled (Ctrl-C cancels the job being followed)
  1  could not run: the file, the network, the credentials, or a refusal of the server
  2  a wrong command line
"""

import argparse
import os
import sys
import time
from uuid import UUID

import httpx
from ncen_client import AuthenticatedClient, Client, errors
from ncen_client.api.auth import login
from ncen_client.api.imports import (
    cancel_import,
    commit_import,
    get_import,
    import_problems,
    import_proposals,
    upload_import,
)
from ncen_client.models import (
    CommitRequest,
    ImportJob,
    ImportMode,
    ImportProblems,
    ImportProposals,
    ImportStatus,
    LoginRequest,
    Problem,
    RecordType,
    TokenResponse,
    UploadImportFormat,
)
from ncen_client.types import File


def guess_format(path):
    """The file's format by its extension: .csv is CSV, .xlsx an Excel workbook, else NDJSON."""
    name = path.lower()
    return (
        "csv"
        if name.endswith(".csv")
        else "xlsx"
        if name.endswith(".xlsx")
        else "ndjson"
    )


EXIT_OK, EXIT_ERROR, EXIT_REJECTED, EXIT_FAILED, EXIT_CANCELLED = 0, 1, 3, 4, 5
FINAL = {ImportStatus.SUCCEEDED, ImportStatus.FAILED, ImportStatus.CANCELLED}
# Generous per-operation timeouts: an upload streams the file, and a slow network should
# not fail a long import. (httpx's default, with the generated client, is no timeout.)
TIMEOUT = httpx.Timeout(60.0, connect=10.0)


class ApiError(Exception):
    """The server refused a request: its problem document, or an answer we did not expect."""


def expect(answer, kind, what):
    """The answer of a generated `sync` function if it is a `kind`, else an ApiError.

    The generated functions return the parsed body of whichever status the contract lists:
    the model of the success, or a `Problem` (RFC 9457) for an error, whose `code` is stable.
    """
    if isinstance(answer, kind):
        return answer
    if isinstance(answer, Problem):
        text = f"{what}: {answer.status} {answer.code}: {answer.detail or answer.title}"
        for error in answer.errors or []:  # the fields of a 422
            text += f"\n  {error.field} ({error.code}): {error.message}"
        raise ApiError(text)
    raise ApiError(f"{what}: unexpected answer {answer!r}")


class Session:
    """A signed-in user: the bearer token, renewed by signing in again before it expires.

    Access tokens are short-lived (minutes); a long import outlives one. The refresh
    endpoint works with an HttpOnly cookie meant for browsers, so a script signs in again.
    """

    def __init__(self, url, username, password):
        self.url, self.username, self.password = url, username, password
        self.client = None
        self.expires = 0.0

    def api(self):
        if self.client is None or time.monotonic() > self.expires - 60:
            with Client(
                base_url=self.url, timeout=TIMEOUT, raise_on_unexpected_status=True
            ) as anonymous:
                token = expect(
                    login.sync(
                        client=anonymous,
                        body=LoginRequest(
                            username=self.username, password=self.password
                        ),
                    ),
                    TokenResponse,
                    "sign-in",
                )
            if self.client is not None:
                self.client.get_httpx_client().close()
            self.client = AuthenticatedClient(
                base_url=self.url,
                token=token.access_token,
                timeout=TIMEOUT,
                raise_on_unexpected_status=True,
            )
            self.expires = time.monotonic() + token.expires_in
        return self.client


def counts(job: ImportJob) -> str:
    """One line of counts. A dry run's are what would happen; it does not run the matching
    engine (parties are matched when the commit writes them, against the registers as they
    are then), so `matched` and `proposals` come with the commit only."""
    if job.dry_run:
        return (
            f"{job.rows_done} lines; would create {job.created}, would update {job.updated}, "
            f"unchanged {job.unchanged}, rejected {job.rejected}"
        )
    return (
        f"{job.rows_done} lines; created {job.created}, updated {job.updated}, unchanged {job.unchanged}, "
        f"rejected {job.rejected}, matched {job.matched}, proposals {job.proposals}"
    )


def follow(session: Session, job: ImportJob, interval: float) -> ImportJob:
    """Polls GET /imports/{id} until the job has ended; Ctrl-C cancels it."""
    try:
        while job.status not in FINAL:
            time.sleep(interval)
            job = expect(
                get_import.sync(job.id, client=session.api()),
                ImportJob,
                "following the import",
            )
    except KeyboardInterrupt:
        print(f"cancelling import {job.id}", file=sys.stderr)
        job = expect(
            cancel_import.sync(job.id, client=session.api()),
            ImportJob,
            "cancelling the import",
        )
        return follow(session, job, interval)
    return job


def print_problems(session: Session, job_id: UUID, limit: int, rejected: int) -> None:
    """The refused lines, a page at a time (`next_after` names the next page)."""
    shown, after = 0, None
    while shown < limit:
        kwargs = {} if after is None else {"after": after}
        page = expect(
            import_problems.sync(job_id, client=session.api(), **kwargs),
            ImportProblems,
            "problems",
        )
        for p in page.items[: limit - shown]:
            print(
                f"line {p.line} ({p.external_id or '-'}): {p.field} {p.code}: {p.message}"
            )
            shown += 1
        after = page.next_after
        if not after:  # None (last page), or UNSET from an older server
            break
    if rejected > shown:
        print(f"... every problem: {session.url}/api/v1/imports/{job_id}/problems.csv")


def print_proposals(session: Session, job_id: UUID, limit: int) -> None:
    """Parties the import created beside a register record they may be, to review."""
    shown, after = 0, None
    while shown < limit:
        kwargs = {} if after is None else {"after": after}
        page = expect(
            import_proposals.sync(job_id, client=session.api(), **kwargs),
            ImportProposals,
            "proposals",
        )
        for p in page.items[: limit - shown]:
            print(
                f"proposal: line {p.line} {p.field}: new {p.record_kind} {p.record_id} "
                f"may be {p.candidate_id} (score {p.score:.2f})"
            )
            shown += 1
        after = page.next_after
        if not after:
            break


def outcome(job: ImportJob) -> int:
    if job.status == ImportStatus.FAILED:
        print(f"failed: {job.failure}")
        return EXIT_FAILED
    if job.status == ImportStatus.CANCELLED:
        return EXIT_CANCELLED
    return EXIT_REJECTED if job.rejected else EXIT_OK


def run(args) -> int:
    with open(args.file, "rb"):  # a missing file stops here, before anything is sent
        pass
    session = Session(args.url.rstrip("/"), args.username, args.password)
    session.api()  # signs in: wrong credentials stop here
    print(f"signed in to {session.url} as {args.username}")

    # 1. The dry run. The body is the raw file (application/octet-stream): the generated
    # function takes a `File` whose payload may be an open binary file, which httpx streams
    # rather than reading it whole. `valid_rows` for the dry run: every line is judged on
    # its own, so the report lists each bad line.
    with open(args.file, "rb") as f:
        job = expect(
            upload_import.sync(
                client=session.api(),
                body=File(payload=f, file_name=os.path.basename(args.file)),
                record_type=RecordType(args.record_type),
                format_=UploadImportFormat(args.format or guess_format(args.file)),
                source_system=args.source_system,
                dry_run=True,
                mode=ImportMode.VALID_ROWS,
                filename=os.path.basename(args.file),
            ),
            ImportJob,
            "upload",
        )
    print(
        f"dry run {job.id}: {job.size_bytes} bytes of {job.record_type} from {job.source_system}"
    )
    job = follow(session, job, args.poll_interval)
    print(f"dry run {job.status}: {counts(job)}")
    if job.rejected:
        print_problems(session, job.id, args.max_problems, job.rejected)
    if job.status != ImportStatus.SUCCEEDED:
        return outcome(job)
    if args.dry_run:
        return outcome(job)
    if job.rejected and not args.valid_rows:
        lines = "line" if job.rejected == 1 else "lines"
        print(
            f"not committed: {job.rejected} {lines} rejected; fix them, or --valid-rows to import the rest"
        )
        return EXIT_REJECTED

    # 2. The commit: the dry run's file imported for real, as a new job. `all_or_nothing`
    # unless --valid-rows: should a line fail now that passed the dry run (a case validated
    # in the meantime is `locked`), nothing is written.
    mode = ImportMode.VALID_ROWS if args.valid_rows else ImportMode.ALL_OR_NOTHING
    job = expect(
        commit_import.sync(job.id, client=session.api(), body=CommitRequest(mode=mode)),
        ImportJob,
        "commit",
    )
    print(f"commit {job.id} ({mode})")
    job = follow(session, job, args.poll_interval)
    print(f"commit {job.status}: {counts(job)}")
    if job.rejected:
        print_problems(session, job.id, args.max_problems, job.rejected)
    if job.proposals:
        print_proposals(session, job.id, args.max_problems)
    return outcome(job)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "file",
        help="NDJSON: one case per line (the body of POST /api/v1/seizures plus external_id), "
        "or CSV with a header of field paths (docs/imports.md)",
    )
    parser.add_argument(
        "--format",
        choices=["ndjson", "csv", "xlsx"],
        help="default: from the extension (.csv, .xlsx)",
    )
    parser.add_argument(
        "--source-system",
        default="legacy",
        help="where the cases come from (default: legacy)",
    )
    parser.add_argument(
        "--valid-rows",
        action="store_true",
        help="commit even with rejected lines, skipping them",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="check and report only, never commit"
    )
    parser.add_argument(
        "--record-type",
        default=RecordType.CASES.value,
        choices=[t.value for t in RecordType],
        help="what the file holds (default: cases; persons, companies and conveyances take their create bodies)",
    )
    parser.add_argument(
        "--max-problems",
        type=int,
        default=20,
        help="how many problems to print (default: 20)",
    )
    parser.add_argument(
        "--poll-interval",
        type=float,
        default=1.0,
        help="seconds between polls (default: 1)",
    )
    parser.add_argument(
        "--url",
        default=os.environ.get("NCEN_URL"),
        help="the server (default: $NCEN_URL)",
    )
    parser.add_argument(
        "--username",
        default=os.environ.get("NCEN_USERNAME"),
        help="default: $NCEN_USERNAME",
    )
    args = parser.parse_args()
    # The password only from the environment: a command line is visible to other users.
    args.password = os.environ.get("NCEN_PASSWORD")
    missing = [
        name
        for name, value in [
            ("NCEN_URL", args.url),
            ("NCEN_USERNAME", args.username),
            ("NCEN_PASSWORD", args.password),
        ]
        if not value
    ]
    if missing:
        print(f"error: set {', '.join(missing)}", file=sys.stderr)
        return EXIT_ERROR
    try:
        return run(args)
    except httpx.HTTPError as e:  # the network
        print(f"error: {args.url}: {e}", file=sys.stderr)
        return EXIT_ERROR
    except (ApiError, errors.UnexpectedStatus, OSError) as e:
        # ApiError: a refusal (its problem document); errors.UnexpectedStatus: a status the
        # contract does not list; OSError: the file.
        print(f"error: {e}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
