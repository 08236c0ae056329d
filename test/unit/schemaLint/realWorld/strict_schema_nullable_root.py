# Source: the schema constant is from public code (FLAW_DESCRIPTION_SCHEMA, an OpenAI strict structured-output
# schema; found via find_string id 61491273286). Constructed: the same constant reused as a tool's parameters,
# which is how strict-mode habits ("type": ["object", "null"]) reach tool definitions.
FLAW_DESCRIPTION_SCHEMA = {
    "type": ["object", "null"],
    "properties": {
        "what_is_wrong": {"type": "string"},
        "why_it_is_wrong": {"type": "string"},
        "what_should_happen": {"type": ["string", "null"]},
    },
    "required": ["what_is_wrong", "why_it_is_wrong", "what_should_happen"],
    "additionalProperties": False,
}

TOOLS = [
    {
        "type": "function",
        "name": "report_flaw",
        "description": "Describe the flaw in the submitted answer.",
        "parameters": FLAW_DESCRIPTION_SCHEMA,
        "strict": True,
    }
]
