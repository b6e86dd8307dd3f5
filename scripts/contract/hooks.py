"""nCEN's addition to Schemathesis' checks, loaded through SCHEMATHESIS_HOOKS.

Schemathesis' `positive_data_acceptance` counts any 422 to a schema-valid request as a
failure. A few of nCEN's rules cannot be stated by any schema keyword, because they depend on
what is stored: a code that is not in an administered code list, a unit or record id that does
not exist, a cursor that no list issued, a value already taken. `schemathesis.toml` therefore
lets that check accept 422, and this check takes over: a 422 to schema-valid data passes only
when every field error it names is one of those stored-data rules. Any other 422 (a length, a
pattern, a range, a required field the schema does not publish) is a contract failure.
"""

import re

import schemathesis

STORED_DATA_CODES = {
    "unknown_code",  # not in the administered code list
    "not_found",  # no such unit, record or entry
    "retired",  # a code-list entry retired since
    "taken",  # unique: already in use
    "duplicate",
    "contains_username",  # a rule across two fields (password and username)
    # a parent code on a list whose definition has no parent list, or none on one that has
    "not_allowed",
    "parent_required",
    "not_a_warning",  # feedback names a thread that exists but is not a warning
    # rules across fields or against the clock, which no schema keyword states
    "seized_case_required",  # feedback with the outcome `seized` names its case
    "in_past",  # a warning's feedback deadline must be in the future
    # a person's or company's name must contain a letter of any script: no schema pattern can
    # say "any letter" portably (ECMA `\p{L}` is unknown to Python's `re`, which generates)
    "no_letters",
    # a screening names at least one thing to match on (a name with a letter, a document, a
    # phone, an e-mail; for a company a name or an identifier): an "any of these" across fields
    "nothing_to_match",
    # an alert names exactly the subject its `subject_kind` says (`person_id` for a person…):
    # the others are refused, the one it needs is required — "exactly one of, by kind"
    "not_for_subject",
    "required_for_subject",
    # an alert's validity: not ending before it starts, at most 12 months long, starting
    # within 12 months — a rule across two dates or against the clock
    "before_start",
    "too_long",
    "too_far",
    # alert notices are asked for one case or one record: exactly one of two parameters
    "case_or_record",
    # statistics: a table by day over more than 366 days, or two goods dimensions together
    # (rules across parameters); filters naming more than 100 000 stored cases
    "range_too_long",
    "goods_dimensions",
    "too_many_cases",
    # a range's end before its start (`from`/`to`): a rule across two parameters
    "order",
    # exactly one of two fields (a case's conveyance: an existing record or a new one)
    "one_of",
    # the named user's roles (an investigation's lead) and the caller's (only a supervisor
    # names the lead): stored data
    "not_eligible",
    "supervisor_only",
    # a calendar rule (29 February, 31 April) that a portable pattern does not state
    "no_such_date",
    # a saved search's filters are those of the list its `target` names: a rule across two
    # fields (`query` is published as any of the four lists' filters)
    "not_for_target",
    # a date of birth after today: against the clock
    "future",
    # a route's legs numbered 1…n without gaps or repeats: a rule across the list's items
    "sequence",
    # only validated cases leave for a partner: the stored case's status
    "not_validated",
}

# A rule no schema keyword states, scoped to the one field it governs (the same code elsewhere
# is still a contract failure).
FIELD_RULES = {
    # the case's kind decides: a seizure has goods, an offence none
    ("goods", "required"),
    # the transition's target decides: closing needs the outcome
    ("outcome", "required"),
    # against the investigation's opening date (today on create, stored on update)
    ("due_date", "range"),
    # a date-time's lower bound (1970): no JSON Schema keyword bounds a `date-time`
    ("detected_at", "range"),
    # an address names a street, a postcode or a city: any one of three fields
    ("street", "required"),
    # stored data: the caller's current password (changing one's own)
    ("current_password", "mismatch"),
    # both or neither: a value names its currency, a latitude its longitude and back
    ("currency", "required"),
    ("latitude", "required"),
    ("longitude", "required"),
    # a partner's fingerprint is its key's own (a rule across two fields), and 64 hex digits
    # are an Ed25519 public key only when they name a point of the curve
    ("fingerprint", "mismatch"),
    ("public_key", "format"),
}

# A bare identifier's format depends on its kind (a container's check digit, an e-mail…), a
# rule across two fields: accepted on an `identifier` field only.
IDENTIFIER_CODES = {"format", "check_digit", "email", "country_required"}

# The conveyance identifiers of a screened list's line are checked the same way (a container's
# check digit, a plate's letters and digits), each under its own column.
BATCH_IDENTIFIER = re.compile(
    r"^rows\[\d+\]\.(container|air_waybill|bill_of_lading|flight_number|plate)$"
)

# A record's identifier (a company's EORI, VAT number, IBAN…): its format depends on its `kind`.
# A conveyance's identifier: its format depends on its `identifier_kind` (a container number's
# check digit, a registration's letters and digits).
RECORD_IDENTIFIER = re.compile(
    r"^(.*\.)?(identifiers\[\d+\]\.(value|country)|conveyance\.identifier|identifier)$"
)

# What an uploaded file's bytes turn out to be: no schema keyword can say "a JPEG, PNG, WebP,
# TIFF or PDF that decodes", so these are accepted on the `file` part only.
FILE_CONTENT_CODES = {"unsupported_type", "corrupt", "encrypted", "too_complex", "image_too_large"}


@schemathesis.check
def positive_data_refused_only_for_stored_data(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return None
    try:
        body = response.json()
    except Exception as e:  # noqa: BLE001 - any non-JSON 422 is itself a failure
        raise AssertionError(f"422 without a problem document: {e}")
    if (case.media_type or "").startswith("text/csv"):
        return None  # a CSV list's grammar (its columns, its lines) is no JSON Schema's to say
    if body.get("code") == "idempotency_key_reused":
        return None  # the generator sent a key an earlier request used: stored state too
    errors = body.get("errors") or []
    refused = sorted(
        f"{e.get('field')}: {e.get('code')} ({e.get('message')})"
        for e in errors
        if e.get("code") not in STORED_DATA_CODES
        and not (e.get("field") == "cursor" and e.get("code") == "invalid")
        and not (e.get("field") == "file" and e.get("code") in FILE_CONTENT_CODES)
        and not (e.get("field") == "identifier" and e.get("code") in IDENTIFIER_CODES)
        and not (BATCH_IDENTIFIER.match(e.get("field") or "") and e.get("code") in IDENTIFIER_CODES)
        and not (RECORD_IDENTIFIER.match(e.get("field") or "") and e.get("code") in IDENTIFIER_CODES)
        and (re.sub(r"^.*\.", "", e.get("field") or ""), e.get("code")) not in FIELD_RULES
    )
    if not errors or refused:
        raise AssertionError(
            "Schema-valid data refused for a rule the schema does not publish: "
            + ("; ".join(refused) or body.get("detail", "no field errors"))
        )
    return None
