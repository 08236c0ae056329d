# Source: public code (a weather-data agent's tool registry, register_tool(ToolDefinition(...)); found via find_string id 65969578739). Trimmed.
# `input_schema=` keyword of a project-local ToolDefinition, with members spread from module constants.
_STR = {"type": "string"}
_FLOAT = {"type": "number"}

register_tool(
    ToolDefinition(
        name="query_observations",
        description="Return observations for a parameter group near a point and/or time.",
        input_schema={
            "type": "object",
            "properties": {
                "parameters": {"type": "array", "items": _STR},
                "at": {**_STR, "description": "ISO 8601 datetime"},
                "lat": _FLOAT,
                "lon": _FLOAT,
            },
            "required": [],
        },
    )
)
