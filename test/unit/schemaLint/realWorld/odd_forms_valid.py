# Constructed from forms seen in public tool code (a shared "**BASE" dict, dict(...) calls, f-string names,
# tuples for "required", tools built in comprehensions, schemas from pydantic models or json.loads, and
# xai_sdk tool() calls with spread keyword arguments). Every tool here is valid: no finding.
import json
from pydantic import BaseModel
from xai_sdk.chat import tool

BASE = {"type": "object", "additionalProperties": False}
PREFIX = "crm"


class Query(BaseModel):
    text: str


TOOLS = [
    {
        "type": "function",
        "name": f"{PREFIX}_search",
        "parameters": {**BASE, "properties": {"q": {"type": "string"}}, "required": ("q",)},
        "strict": True,
    },
    {
        "type": "function",
        "function": {
            "name": "crm_count",
            "parameters": dict(type="object", properties=dict(table=dict(type="string"))),
        },
    },
    {"type": "function", "name": "crm_query", "parameters": Query.model_json_schema()},
    {"type": "function", "name": "crm_raw", "parameters": json.loads('{"type": "object"}')},
]

SPEC = {"name": "crm_spread", "description": "Spread keyword arguments"}
spread_tool = tool(**SPEC, parameters={"type": "object", "properties": {}})

generated = [
    {"type": "function", "function": {"name": name, "parameters": {"type": "object", "properties": {}}}}
    for name in ("a", "b")
]
