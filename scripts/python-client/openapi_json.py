"""openapi.yaml as the JSON document openapi-python-client is given (scripts/python-client.sh).

Two things are settled here, before generation, that the generator would otherwise get wrong:

* YAML 1.2 scalars. openapi.yaml is YAML 1.2 (serde_yaml writes it), where a plain `18_24`
  is a string; ruamel.yaml, which the generator parses with, reads it as the integer 1824
  (YAML 1.1's digit separators), which made the generator drop AgeBand and every schema
  using it (CaseInput, CaseDto, the seizure endpoints). Plain scalars are resolved here by
  the YAML 1.2 core schema; quoted ones are strings.
* Byte bodies. The spec describes a raw body (`application/octet-stream`, `image/*`,
  `application/pdf`) as an array of integers (how utoipa writes a `Vec<u8>`); on the wire
  it is the bytes themselves. Such a schema becomes `{type: string, format: binary}`, the
  OpenAPI way to say "a file", which the generator turns into its `File` type.

Usage: python openapi_json.py openapi.yaml > openapi.json
"""

import json
import re
import sys

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

# The YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1023-core-schema).
NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
TRUE = re.compile(r"^(?:true|True|TRUE)$")
FALSE = re.compile(r"^(?:false|False|FALSE)$")
INT10 = re.compile(r"^[-+]?[0-9]+$")
INT8 = re.compile(r"^0o[0-7]+$")
INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


def plain(text):
    if NULL.match(text):
        return None
    if TRUE.match(text):
        return True
    if FALSE.match(text):
        return False
    if INT10.match(text):
        return int(text, 10)
    if INT8.match(text):
        return int(text[2:], 8)
    if INT16.match(text):
        return int(text[2:], 16)
    if FLOAT.match(text):
        return float(text)
    if INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if NAN.match(text):
        return float("nan")
    return text


def value(node):
    if isinstance(node, ScalarNode):
        # style None: a plain scalar, typed by the core schema; any quoting or block style
        # makes a string.
        return plain(node.value) if node.style is None else node.value
    if isinstance(node, SequenceNode):
        return [value(n) for n in node.value]
    if isinstance(node, MappingNode):
        return {value(k): value(v) for k, v in node.value}
    raise TypeError(f"unexpected YAML node {node!r}")


def is_byte_array(schema):
    return (
        isinstance(schema, dict)
        and schema.get("type") == "array"
        and isinstance(schema.get("items"), dict)
        and schema["items"].get("type") == "integer"
        and schema["items"].get("minimum") == 0
    )


def fix_bytes(content):
    for media_type, media in (content or {}).items():
        textual = media_type.endswith("json") or media_type.startswith("text/")
        if not textual and is_byte_array(media.get("schema")):
            media["schema"] = {"type": "string", "format": "binary"}


def main(path):
    with open(path, "rb") as f:
        doc = value(YAML(typ="safe", pure=True).compose(f))
    for item in doc.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            fix_bytes(operation.get("requestBody", {}).get("content"))
            for response in operation.get("responses", {}).values():
                fix_bytes(response.get("content"))
    json.dump(doc, sys.stdout, indent=1, ensure_ascii=False, allow_nan=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
